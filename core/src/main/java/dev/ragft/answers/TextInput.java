package dev.ragft.answers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not API. Reads a user's text input (answers file, example consultation, request body) as UTF-8 with a
 * size limit checked before reading, so a huge file is refused rather than read into memory, and with
 * the encoding judged rather than guessed: a UTF-8 byte order mark is accepted and dropped; UTF-16 and
 * bytes that are not UTF-8 (Latin-1, Windows-1252) are reported as such, naming the input and line.
 */
public final class TextInput {

    /** Largest answers file or request body read: a full answers file is under 2 KB. */
    public static final int MAX_ANSWERS_BYTES = 1 << 20;

    private TextInput() {
    }

    /** Input that cannot be used as text; the message names the input and says what to do. */
    public static final class UnreadableText extends IOException {

        private static final long serialVersionUID = 1L;

        /** @param message the whole user-facing message, naming the input */
        public UnreadableText(String message) {
            super(message);
        }
    }

    /** Reads {@code file} as UTF-8 text of at most {@code maxBytes}, checking its size first. */
    public static String read(Path file, int maxBytes) throws IOException {
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(file.toString(), size, maxBytes);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxBytes);
        }
    }

    /**
     * Reads at most {@code maxBytes} from {@code in} as UTF-8 text; one byte more is an error, so a
     * stream (standard input, a request body) never fills the memory either.
     */
    public static String read(InputStream in, String name, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(name, -1, maxBytes);
        }
        return decode(bytes, name);
    }

    /** Decodes UTF-8 strictly, dropping a byte order mark and naming any other encoding found. */
    public static String decode(byte[] bytes, String name) throws UnreadableText {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            throw utf16(name);
        } else if (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            // UTF-16 without a byte order mark: every ASCII character comes with a zero byte.
            throw utf16(name);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer text = decoder.decode(input);
            return text.toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(bytes, start);
            int line = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new UnreadableText(name + ":" + line + ": not UTF-8 text (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[Math.min(bad, bytes.length - 1)] & 0xff)
                    + "); it looks like Latin-1 or Windows-1252. Save it as UTF-8 and try again");
        }
    }

    private static UnreadableText utf16(String name) {
        return new UnreadableText(name + ": UTF-16 text; ragft reads UTF-8. Save it as UTF-8 and try again");
    }

    private static UnreadableText tooLarge(String name, long size, int maxBytes) {
        String actual = size < 0 ? "more than " + sizeText(maxBytes) : sizeText(size);
        return new UnreadableText(name + ": too large (" + actual + "); answers are at most "
                + sizeText(maxBytes) + " (a complete answers file is under 2 KB)");
    }

    static String sizeText(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20)).replace(".0 ", " ");
        }
        if (bytes >= 1 << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }

    /** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstInvalid(byte[] bytes, int start) {
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
            if (length == 0 || i + length > bytes.length) {
                return i;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return bytes.length - 1;
    }
}
