package dev.ragft.console;

import java.util.List;

/** The rules of the current policy, for {@code why}; may wait for the background compilation. */
interface RuleCatalog {

    /** The rules, or an empty list when they are not available (they failed to compile). */
    List<RuleRef> rules();
}
