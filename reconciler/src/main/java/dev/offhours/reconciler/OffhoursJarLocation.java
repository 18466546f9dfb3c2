package dev.offhours.reconciler;

import io.dropwizard.util.JarLocation;
import java.util.Optional;

/**
 * What {@code --version} and the usage line show: the build's version from the jar's manifest (the shade plugin
 * writes it), and a plain statement when running from compiled classes instead of Dropwizard's hint about manifests.
 */
final class OffhoursJarLocation extends JarLocation {

    private final Class<?> klass;

    OffhoursJarLocation(Class<?> klass) {
        super(klass);
        this.klass = klass;
    }

    @Override
    public Optional<String> getVersion() {
        String version = klass.getPackage() == null ? null : klass.getPackage().getImplementationVersion();
        return Optional.of("offhours " + (version == null ? "(development build: run from classes, not from "
                + "offhours.jar)" : version));
    }
}
