package dev.offhours.bench;

/** API Gateway HTTP API (payload 2.0) GET events, as the {@code $default} stage sends them; JDK only. */
final class LambdaEvents {

    private LambdaEvents() {
    }

    static String get(String pathAndQuery, String token) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        StringBuilder parameters = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.append(parameters.length() == 0 ? "" : ",").append('"').append(kv[0]).append("\":\"")
                    .append(kv.length > 1 ? kv[1] : "").append('"');
        }
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\""
                + query + "\",\"headers\":{\"accept\":\"*/*\",\"host\":\"abc123.execute-api.eu-central-1"
                + ".amazonaws.com\",\"authorization\":\"Bearer " + token + "\"},"
                + (query.isEmpty() ? "" : "\"queryStringParameters\":{" + parameters + "},")
                + "\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"abc123\",\"requestId\":\"bench\","
                + "\"routeKey\":\"$default\",\"stage\":\"$default\",\"timeEpoch\":1774429200000,"
                + "\"http\":{\"method\":\"GET\",\"path\":\"" + path + "\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"192.0.2.10\",\"userAgent\":\"bench\"}},\"isBase64Encoded\":false}";
    }
}
