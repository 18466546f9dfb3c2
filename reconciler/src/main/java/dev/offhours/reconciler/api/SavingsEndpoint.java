package dev.offhours.reconciler.api;

import dev.offhours.api.SavingsApi;
import dev.offhours.api.SavingsDayView;
import dev.offhours.api.SavingsLineView;
import dev.offhours.api.SavingsView;
import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.Page;
import dev.offhours.core.savings.PriceFileReader;
import dev.offhours.core.savings.PriceTable;
import dev.offhours.core.savings.SavingsCalculator;
import dev.offhours.core.savings.SavingsReport;
import dev.offhours.core.schedule.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /v1/savings}: the operation records of the period (plus {@link #LOOKBACK} before it, for nights that began
 * earlier) read page by page through the {@code recent} index, never a scan, and summed by
 * {@link SavingsCalculator}. A result is kept for {@code refresh}, so a dashboard left open costs one read of the
 * period per refresh interval, not one per view.
 */
public final class SavingsEndpoint implements SavingsApi {

    /** The shipped price file (versioned with the code; {@code bin/refresh-prices} rewrites it). */
    public static final String PRICE_FILE = "/dev/offhours/reconciler/savings/ec2-on-demand.json";
    /** How far before the period a sleep may have begun and still count: a long weekend. */
    static final Duration LOOKBACK = Duration.ofDays(4);

    enum Period {
        WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        final Duration length;

        Period(Duration length) {
            this.length = length;
        }
    }

    private record Cached(SavingsView view, Instant at) {
    }

    private final ApiDependencies deps;
    private final PriceTable prices;
    private final Duration refresh;
    private final Map<Period, Cached> cache = new ConcurrentHashMap<>();

    public SavingsEndpoint(ApiDependencies deps, Duration refresh) {
        this(deps, shippedPrices(), refresh);
    }

    SavingsEndpoint(ApiDependencies deps, PriceTable prices, Duration refresh) {
        this.deps = deps;
        this.prices = prices;
        this.refresh = refresh;
    }

    public static PriceTable shippedPrices() {
        try (InputStream in = SavingsEndpoint.class.getResourceAsStream(PRICE_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the price file " + PRICE_FILE + " is missing from the jar");
            }
            return PriceFileReader.read(in, PRICE_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SavingsView savings(String periodText) {
        Period period = Params.given(periodText) ? Params.choice("period", periodText, Period.class) : Period.WEEK;
        Instant now = deps.clock().instant();
        Cached cached = cache.get(period);
        if (cached != null && now.isBefore(cached.at().plus(refresh))) {
            return cached.view();
        }
        SavingsView view = compute(period, now);
        cache.put(period, new Cached(view, now));
        return view;
    }

    private SavingsView compute(Period period, Instant to) {
        Instant from = to.minus(period.length);
        List<OperationRecord> records = new ArrayList<>();
        String cursor = null;
        do {
            Page<OperationRecord> page = deps.history().latest(from.minus(LOOKBACK), to, cursor,
                    OperationHistory.MAX_PAGE);
            records.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        SavingsReport report = SavingsCalculator.compute(records, from, to, schedule -> deps.catalog().get()
                .schedule(schedule).map(Schedule::owner).orElse("(removed schedule)"), prices);
        return new SavingsView(period.name().toLowerCase(Locale.ROOT), from.toString(), to.toString(),
                report.priceDate().toString(), report.currency(), report.assumedInstanceType(), line(report.total()),
                report.bySchedule().stream().map(SavingsEndpoint::line).toList(),
                report.byAccount().stream().map(SavingsEndpoint::line).toList(),
                report.byTeam().stream().map(SavingsEndpoint::line).toList(),
                report.days().stream().map(d -> new SavingsDayView(d.date().toString(), d.instanceHours(),
                        d.estimatedCost())).toList());
    }

    private static SavingsLineView line(SavingsReport.Line line) {
        return new SavingsLineView(line.key(), line.targets(), line.hoursAsleep(), line.instanceHours(),
                line.estimatedCost());
    }
}
