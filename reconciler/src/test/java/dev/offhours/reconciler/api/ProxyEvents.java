package dev.offhours.reconciler.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API events (payload format 2.0, as the {@code $default} stage's Lambda proxy integration sends
 * them) for GET requests, and the function's answers read back as API Gateway reads them: only {@code headers},
 * never {@code multiValueHeaders}, which payload 2.0 ignores.
 */
public final class ProxyEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the Lambda runtime passes; the function reads none of it. */
    static final Context CONTEXT = new Context() {
        public String getAwsRequestId() { return "test-request"; }
        public String getLogGroupName() { return "/aws/lambda/offhours-api"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return "offhours-api"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-central-1:111122223333:function:offhours-api"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 10_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return new LambdaLogger() {
            public void log(String message) { }
            public void log(byte[] message) { }
        }; }
    };

    private ProxyEvents() {
    }

    public static String get(String pathAndQuery, String token) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "*/*");
        headers.put("host", "abc123.execute-api.eu-central-1.amazonaws.com");
        headers.put("user-agent", "offhours-test");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.merge(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "", (a, b) -> a + "," + b);
            }
            values.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "111122223333");
        context.put("apiId", "abc123");
        context.put("domainName", "abc123.execute-api.eu-central-1.amazonaws.com");
        context.put("requestId", "req-" + Integer.toHexString(pathAndQuery.hashCode()));
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", "25/Mar/2026:09:00:00 +0000");
        context.put("timeEpoch", 1774429200000L);
        ObjectNode http = context.putObject("http");
        http.put("method", "GET");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.10");
        http.put("userAgent", "offhours-test");
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** What API Gateway returns to the caller for the function's answer to {@code event}. */
    public static ApiServer.Answer invoke(RequestStreamHandler function, String event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, CONTEXT);
            JsonNode response = JSON.readTree(out.toByteArray());
            String body = response.path("body").asText("");
            if (response.path("isBase64Encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.path("headers").fields().forEachRemaining(h ->
                    headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), List.of(h.getValue().asText())));
            return new ApiServer.Answer(response.path("statusCode").asInt(), body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
