/**
 * Not API: ragft's internals (rule loading, evaluation, reports). Anything here may change in any
 * release; embed ragft through {@link dev.ragft.Advisor} or the documented fact types instead.
 */
package dev.ragft.engine;
