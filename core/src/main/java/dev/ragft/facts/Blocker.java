package dev.ragft.facts;

/** A hard constraint found by classification: {@code rulesOut} cannot be recommended, for {@code reason}. */
public record Blocker(Option rulesOut, String reason) {
}
