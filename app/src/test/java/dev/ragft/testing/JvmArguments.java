package dev.ragft.testing;

import java.lang.management.ManagementFactory;

/** Prints the options its JVM was started with, one per line: stands in the jar's place to show what the launcher chose. */
public final class JvmArguments {

    private JvmArguments() {
    }

    public static void main(String[] args) {
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
    }
}
