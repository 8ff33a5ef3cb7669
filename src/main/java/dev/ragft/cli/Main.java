package dev.ragft.cli;

/** The {@code ragft} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // No arguments means the interactive console, with nothing to parse: skipping picocli's model
        // building keeps it off the path to the first question (SPEC §7: on screen within 0.3 s).
        System.exit(args.length == 0 ? Cli.console() : Cli.commandLine().execute(args));
    }
}
