package dev.ragft.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Size of the base model to fine-tune; the questionnaire writes these as {@code 7B}, {@code 70B}, {@code 405B}.
 *
 * <p>In JSON (a {@link Profile} written or read with Jackson) a size is its label, as in answers files:
 * {@code "70B"}, read back in any letter case. The constant names ({@code SIZE_70B}) are Java's only.
 */
public enum ModelSize {
    SIZE_7B("7B"), SIZE_70B("70B"), SIZE_405B("405B");

    private final String label;

    ModelSize(String label) {
        this.label = label;
    }

    /** The value as written in answers files and reports, e.g. {@code 70B}; also its JSON form. */
    @JsonValue
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

    /**
     * Reads a size from JSON: its label in any letter case ({@code "70b"}).
     *
     * @throws IllegalArgumentException naming the accepted labels, which Jackson reports against the field
     */
    @JsonCreator
    public static ModelSize fromJson(String text) {
        if (text == null) {
            return null;
        }
        return fromLabel(text).orElseThrow(() -> new IllegalArgumentException(
                "model_size must be one of 7B, 70B, 405B, not '" + text + "'"));
    }
}
