package dev.offhours.bench;

import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.runtime.PoolMetrics;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The storm consumed by one long-running worker, as in the hub service. */
record ServiceMode(Contender contender) implements StormMode {

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Consuming start(EmbeddedElasticMq mq, SqsClient sqs, EmbeddedElasticMq.QueuePair queues) {
        Contender.Running running = contender.service().start(mq, sqs, queues);
        return (figures, wallRealSeconds) -> {
            PoolMetrics.Snapshot queue = running.stop();
            figures.put("in_flight", contender.inFlight())
                    .put("dead_lettered", queue.rejected())
                    .put("sent_back_to_queue", queue.retried())
                    .put("messages_per_receive", (double) queue.received() / Math.max(1, queue.receiveCalls()))
                    .put("receive_call_ms", queue.receiveNanos() / 1e6 / Math.max(1, queue.receiveCalls()))
                    .put("slot_busy_fraction",
                            queue.handlingNanos() / ((double) contender.inFlight() * wallRealSeconds * 1e9));
        };
    }
}
