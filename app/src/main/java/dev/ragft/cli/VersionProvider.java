package dev.ragft.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"ragft " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + ", Drools 10.2.0"};
    }
}
