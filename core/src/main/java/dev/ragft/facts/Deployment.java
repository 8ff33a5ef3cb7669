package dev.ragft.facts;

/** Where the recommended system would run. */
public enum Deployment {
    /** Retrieval over your own documents through a provider's API: nothing to host. */
    MANAGED_API,
    /** Rented GPUs or a hosting provider run the model; no hardware of your own. */
    CLOUD_HOSTED,
    /** Your own infrastructure, in the cloud or in your data centre. */
    SELF_HOSTED,
    /** Only your own premises: required by privacy policy. */
    ON_PREMISES
}
