package dev.offhours.core.savings;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * On-demand hourly prices per region and instance type (Linux, shared tenancy), as of {@code priceDate}: the
 * versioned file {@code reconciler/src/main/resources/dev/offhours/reconciler/savings/ec2-on-demand.json}, refreshed from the AWS Price List API by
 * {@code bin/refresh-prices}.
 *
 * @param assumedInstanceType the type every instance is priced as: the inventory does not record instance types
 */
public record PriceTable(LocalDate priceDate, String currency, String assumedInstanceType,
                         Map<String, Map<String, Double>> hourly) {

    public PriceTable {
        Objects.requireNonNull(priceDate, "priceDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(assumedInstanceType, "assumedInstanceType");
        hourly = Map.copyOf(hourly);
    }

    /** The hourly price of {@code instanceType} in {@code region}, empty when the file has none. */
    public OptionalDouble hourly(String region, String instanceType) {
        Map<String, Double> prices = hourly.get(region);
        Double price = prices == null ? null : prices.get(instanceType);
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price);
    }
}
