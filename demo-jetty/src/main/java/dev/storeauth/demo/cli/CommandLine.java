package dev.storeauth.demo.cli;

/** What the command line asks for: run, print help, or nothing because it is wrong. */
public sealed interface CommandLine {

    /** Start the demo with these options. */
    record Run(DemoOptions options) implements CommandLine {
    }

    /** {@code --help}: print the usage and exit 0. */
    record Help() implements CommandLine {
    }

    /** Print {@code message} and the usage, exit 2. */
    record Invalid(String message) implements CommandLine {
    }
}
