package dev.offhours.bench;

import dev.offhours.testsupport.EmbeddedElasticMq;
import software.amazon.awssdk.services.sqs.SqsClient;

/** How a storm's queue is consumed: by the service's pool, or by Lambda environments behind a mapping. */
interface StormMode {

    /** {@code service} or {@code lambda}: the last part of the printed figures' prefix. */
    String name();

    /** Starts consuming the storm's queue (before the first work item is sent). */
    Consuming start(EmbeddedElasticMq mq, SqsClient sqs, EmbeddedElasticMq.QueuePair queues);

    /** A running consumer. */
    interface Consuming {
        /** Stops once every target has its final record, adding the mode's own figures. */
        void stopInto(StormFigures.Builder figures, double wallRealSeconds) throws InterruptedException;
    }
}
