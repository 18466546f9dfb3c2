package dev.offhours.bench;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** What a storm reads of a contender's records: counts, and when (System.nanoTime) the final ones landed. */
record StormCounters(LongSupplier records, LongSupplier finalRecords, LongSupplier failed,
                     LongSupplier failedByThrottling, LongSupplier lastRecordNanos,
                     Supplier<List<Long>> finalRecordTimes, Runnable reset) {

    static StormCounters of(CountingOperationStore store) {
        return new StormCounters(store::writes, store::finalWrites, store::failed, store::failedByThrottling,
                store::lastWriteNanos, store::finalWriteTimes, store::resetCounters);
    }

    static StormCounters of(NaiveHandler naive) {
        return new StormCounters(naive.records::get, naive.records::get, naive.failed::get,
                naive.failedByThrottling::get, naive.lastRecordNanos::get, naive::recordTimes, naive::resetCounters);
    }
}
