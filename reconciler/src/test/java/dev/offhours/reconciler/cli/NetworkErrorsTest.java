package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The causes the HTTP client reports with a null or cryptic message, each named in words (the rest run for real). */
class NetworkErrorsTest {

    private static final URI HUB = URI.create("https://offhours.example.com/");

    @Test
    void timeoutsSayWhetherTheConnectionOrTheAnswerTookTooLong() {
        assertThat(NetworkErrors.explain(new HttpConnectTimeoutException("HTTP connect timed out"), HUB))
                .isEqualTo("cannot reach the hub at https://offhours.example.com/: no connection to "
                        + "offhours.example.com:443 within 10 s (timeout); a firewall, a wrong address or a stopped "
                        + "hub.");
        assertThat(NetworkErrors.explain(new HttpTimeoutException("request timed out"), HUB))
                .isEqualTo("the hub at https://offhours.example.com/ accepted the connection but did not answer "
                        + "within 30 s (timeout); it may be overloaded or stuck: look at its health checks.");
    }

    @Test
    void aRefusedConnectionWithoutMessageIsNamed() {
        assertThat(NetworkErrors.explain(new ConnectException(), HUB)).contains("connection refused at "
                + "offhours.example.com:443").doesNotContain("null");
    }

    @Test
    void aTlsFailureNamesTheHandshakeAndItsReason() {
        IOException e = new IOException(new SSLHandshakeException("PKIX path building failed"));

        assertThat(NetworkErrors.explain(e, HUB)).isEqualTo("cannot reach the hub at https://offhours.example.com/: "
                + "the TLS handshake failed (SSLHandshakeException: PKIX path building failed); the certificate may "
                + "not be trusted by this Java, or the hub speaks plain http: try http:// instead of https://.");
    }
}
