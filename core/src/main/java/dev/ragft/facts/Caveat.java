package dev.ragft.facts;

/** A practical point the team should know before acting on the recommendation. */
public record Caveat(String id, Severity severity, String message) {
}
