package dev.offhours.reconciler.service;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;

/**
 * The admin port (health checks, metrics, Dropwizard's tasks such as {@code log-level}) has no authentication, so an
 * admin connector without a {@code bindHost} listens on loopback only. Exposing it is a choice written in the
 * configuration ({@code bindHost: 0.0.0.0} with a firewall in front; docs/deploy.md).
 */
public final class AdminPort {

    public static final String LOOPBACK = "127.0.0.1";

    private AdminPort() {
    }

    /**
     * What the service does before its server is built: admin connectors on loopback unless configured otherwise,
     * and the {@link CredentialLogGuard} (after logging is configured, which would drop it).
     */
    public static void secure(ServerFactory server) {
        loopbackUnlessSet(server);
        CredentialLogGuard.install();
    }

    /** Sets {@link #LOOPBACK} on every admin connector without a bind host; returns the connectors changed. */
    public static int loopbackUnlessSet(ServerFactory server) {
        if (!(server instanceof DefaultServerFactory separate)) {
            // the simple server factory mounts admin on the application connector: its binding is the operator's
            return 0;
        }
        List<ConnectorFactory> connectors = separate.getAdminConnectors();
        int changed = 0;
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
                http.setBindHost(LOOPBACK);
                changed++;
            }
        }
        return changed;
    }
}
