package dev.offhours.reconciler.service;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Dropwizard metric registry in Prometheus text exposition format 0.0.4 (admin port,
 * {@code /metrics/prometheus}): gauges with a numeric value, counters, meters as counters, histograms and timers as
 * summaries (timers in seconds). Names are the Dropwizard names with every character Prometheus does not allow
 * replaced by {@code _}.
 */
public final class PrometheusServlet extends HttpServlet {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_:]");
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.99};

    private final transient MetricRegistry registry;

    public PrometheusServlet(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "must-revalidate,no-cache,no-store");
        PrintWriter out = response.getWriter();
        write(out);
        out.flush();
    }

    void write(PrintWriter out) {
        registry.getGauges().forEach((name, gauge) -> gauge(out, name, gauge));
        registry.getCounters().forEach((name, counter) -> counter(out, name, counter));
        registry.getMeters().forEach((name, meter) -> meter(out, name, meter));
        registry.getHistograms().forEach((name, histogram) ->
                summary(out, name, histogram.getSnapshot(), histogram.getCount(), 1.0));
        registry.getTimers().forEach((name, timer) ->
                summary(out, name + "_seconds", timer.getSnapshot(), timer.getCount(), 1e-9));
    }

    static String sanitize(String name) {
        String clean = INVALID.matcher(name).replaceAll("_");
        return Character.isDigit(clean.charAt(0)) ? "_" + clean : clean;
    }

    private static void gauge(PrintWriter out, String name, Gauge<?> gauge) {
        Object value;
        try {
            value = gauge.getValue();
        } catch (RuntimeException e) {
            return; // a gauge that cannot answer now is left out rather than failing the scrape
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof Boolean b) {
            number = b ? 1 : 0;
        } else {
            return;
        }
        String metric = sanitize(name);
        out.println("# TYPE " + metric + " gauge");
        out.println(metric + " " + format(number));
    }

    private static void counter(PrintWriter out, String name, Counter counter) {
        String metric = sanitize(name);
        out.println("# TYPE " + metric + " gauge");
        out.println(metric + " " + counter.getCount());
    }

    private static void meter(PrintWriter out, String name, Meter meter) {
        String metric = sanitize(name) + "_total";
        out.println("# TYPE " + metric + " counter");
        out.println(metric + " " + meter.getCount());
    }

    private static void summary(PrintWriter out, String name, Snapshot snapshot, long count, double scale) {
        String metric = sanitize(name);
        out.println("# TYPE " + metric + " summary");
        for (double quantile : QUANTILES) {
            out.println(metric + "{quantile=\"" + quantile + "\"} " + format(snapshot.getValue(quantile) * scale));
        }
        out.println(metric + "_count " + count);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
