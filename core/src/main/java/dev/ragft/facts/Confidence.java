package dev.ragft.facts;

/** How clear the recommendation is, banded from the score margin by the policy. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
