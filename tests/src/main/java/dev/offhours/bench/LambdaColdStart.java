package dev.offhours.bench;

import dev.offhours.reconciler.lambda.StatusApiFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * One cold start of the status API function, run by {@link LambdaApiBenchmark} in a fresh JVM whose class path is
 * the function's jar (plus this class): the handler is built from the environment as Lambda builds it, then answers
 * its first event. Prints {@code construct_ms}, {@code first_invocation_ms}, {@code jvm_start_to_answer_ms} and the
 * first answer's status; then answers each further path given once (a path that fails is printed).
 */
public final class LambdaColdStart {

    private LambdaColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        StatusApiFunction function = new StatusApiFunction();
        long constructed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(LambdaEvents.get(args[0], args[1])
                .getBytes(StandardCharsets.UTF_8)), out, null);
        long answered = System.nanoTime();
        String answer = out.toString(StandardCharsets.UTF_8);
        int status = answer.indexOf("\"statusCode\":");
        System.out.println("construct_ms: " + (constructed - start) / 1_000_000.0);
        System.out.println("first_invocation_ms: " + (answered - constructed) / 1_000_000.0);
        System.out.println("jvm_start_to_answer_ms: "
                + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        System.out.println("status: " + (status < 0 ? answer : answer.substring(status + 13, status + 16)));
        // every other path once, so a class the jar lacks shows here rather than in Lambda
        for (int i = 2; i < args.length; i++) {
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(LambdaEvents.get(args[i], args[1])
                    .getBytes(StandardCharsets.UTF_8)), more, null);
            if (!more.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
                System.out.println("failed " + args[i] + ": " + more);
            }
        }
    }
}
