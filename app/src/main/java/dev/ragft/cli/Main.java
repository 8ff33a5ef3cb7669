package dev.ragft.cli;

/** The {@code ragft} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
