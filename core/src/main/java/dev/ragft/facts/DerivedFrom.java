package dev.ragft.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the record components a derived accessor of a fact is computed from.
 *
 * <p>Rules may compare a derived value ({@code Profile(stalenessRatio > …)}) as they compare a
 * component. The "what would change this" analysis reads split points from comparisons on components
 * only; a comparison on a derived value tells it which answers that value moves with, so it sweeps
 * those answers with the real engine instead of trusting split points it cannot compute. A derived
 * accessor without this annotation is taken to depend on every component, which is always correct,
 * only slower. A test checks each annotation against the accessor's actual behaviour.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DerivedFrom {

    /** The names of the record components the value is computed from. */
    String[] value();
}
