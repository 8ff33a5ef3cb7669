package dev.ragft.facts;

import java.util.Locale;
import java.util.Optional;

/** Size of the base model to fine-tune; the questionnaire writes these as {@code 7B}, {@code 70B}, {@code 405B}. */
public enum ModelSize {
    SIZE_7B("7B"), SIZE_70B("70B"), SIZE_405B("405B");

    private final String label;

    ModelSize(String label) {
        this.label = label;
    }

    /** The value as written in answers files and reports, e.g. {@code 70B}. */
    public String label() {
        return label;
    }

    /** Parses a label in any letter case; empty when it names no size. */
    public static Optional<ModelSize> fromLabel(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (ModelSize size : values()) {
            if (size.label.equals(wanted)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
