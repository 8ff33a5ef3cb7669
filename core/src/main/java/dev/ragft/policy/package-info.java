/**
 * Not API: the policy owner's tools behind {@code ragft rules check|test|diff}: linting a rule base,
 * the exhaustive check over every combination of discrete answers, scenario expectations and the
 * outcome diff between two rule sets.
 */
package dev.ragft.policy;
