package dev.offhours.reconciler.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Says why a request to the hub failed, in words a person can act on. Java's HTTP client often throws with a null
 * message (a refused connection says only {@code ConnectException: null}), so the cause is named from its type.
 */
final class NetworkErrors {

    private NetworkErrors() {
    }

    static String explain(IOException e, URI hub) {
        String where = "the hub at " + hub;
        String address = hub.getHost() + ":" + port(hub);
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "cannot reach " + where + ": the host name '" + hub.getHost() + "' does not resolve; check the "
                    + "spelling of --hub-url and the DNS of this machine.";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "cannot reach " + where + ": no connection to " + address + " within " + HubClient.CONNECT_TIMEOUT
                    .toSeconds() + " s (timeout); a firewall, a wrong address or a stopped hub.";
        }
        if (e instanceof HttpTimeoutException) {
            return where + " accepted the connection but did not answer within " + HubClient.REQUEST_TIMEOUT
                    .toSeconds() + " s (timeout); it may be overloaded or stuck: look at its health checks.";
        }
        if (has(e, SSLException.class)) {
            return "cannot reach " + where + ": the TLS handshake failed (" + message(find(e, SSLException.class))
                    + "); the certificate may not be trusted by this Java, or the hub speaks plain http: try "
                    + "http:// instead of https://.";
        }
        if (e instanceof ConnectException || has(e, ConnectException.class)) {
            return "cannot reach " + where + ": connection refused at " + address + "; nothing listens there: is "
                    + "the hub running, and is the port in --hub-url its application port?";
        }
        return "cannot reach " + where + ": " + message(e);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** The first cause that says something, with its type when its message alone would be cryptic. */
    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
