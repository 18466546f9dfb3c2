package dev.offhours.reconciler.service;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Something to start and stop with the service, in Dropwizard's order (stopped in reverse registration order). */
record ManagedResource(String name, Startable onStart, AutoCloseable onStop) implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedResource.class);

    @FunctionalInterface
    interface Startable {
        void start() throws Exception;
    }

    static ManagedResource closing(String name, AutoCloseable resource) {
        return new ManagedResource(name, () -> { }, resource);
    }

    @Override
    public void start() throws Exception {
        onStart.start();
    }

    @Override
    public void stop() {
        try {
            onStop.close();
        } catch (Exception e) {
            LOG.warn("stopping {} failed: {}", name, e.toString());
        }
    }
}
