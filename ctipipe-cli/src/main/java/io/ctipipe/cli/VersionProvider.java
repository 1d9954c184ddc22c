package io.ctipipe.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Ctipipe.class.getPackage().getImplementationVersion();
        return new String[] {"ctipipe " + (version == null ? "development" : version)};
    }
}
