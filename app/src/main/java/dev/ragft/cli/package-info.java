/**
 * Not API: the {@code ragft} command line (picocli commands, including {@code ragft serve}). Use it as
 * a program; embed ragft through {@link dev.ragft.Advisor} or the documented fact types instead.
 */
package dev.ragft.cli;
