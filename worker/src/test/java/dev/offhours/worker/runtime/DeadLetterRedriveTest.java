package dev.offhours.worker.runtime;

import static dev.offhours.worker.runtime.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.testsupport.EmbeddedElasticMq.QueuePair;
import dev.offhours.worker.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@ExtendWith(ElasticMqExtension.class)
class DeadLetterRedriveTest {

    @Test
    void movesAtMostTheBoundBackToTheWorkQueueWithoutTheRejectReason(EmbeddedElasticMq mq, SqsClient sqs) {
        QueuePair queues = mq.createQueueWithDeadLetter("redrive", 3, 30);
        DeadLetters deadLetters = new DeadLetters(sqs, queues.deadLetterQueueUrl());
        for (int i = 0; i < 5; i++) {
            deadLetters.send(new ReceivedMessage("m" + i, WorkItems.body("office-hours", "asg-" + i), 3),
                    "account 111111111111 role missing");
        }
        sqs.sendMessage(b -> b.queueUrl(queues.deadLetterQueueUrl()).messageBody(WorkItems.body("office-hours", "traced"))
                .messageAttributes(Map.of("traceparent", MessageAttributeValue.builder().dataType("String")
                        .stringValue("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").build())));
        DeadLetterRedrive redrive = new DeadLetterRedrive(sqs);

        DeadLetterRedrive.Result first = redrive.redrive(queues.deadLetterQueueUrl(), queues.workQueueUrl(), 4);
        DeadLetterRedrive.Result rest = redrive.redrive(queues.deadLetterQueueUrl(), queues.workQueueUrl(), 100);

        assertThat(first).isEqualTo(new DeadLetterRedrive.Result(4, 0));
        assertThat(rest).isEqualTo(new DeadLetterRedrive.Result(2, 0));
        List<Message> onWorkQueue = new ArrayList<>();
        await("6 messages back on the work queue", Duration.ofSeconds(20), () -> {
            onWorkQueue.addAll(sqs.receiveMessage(b -> b.queueUrl(queues.workQueueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages());
            return onWorkQueue.size() >= 6;
        });
        assertThat(onWorkQueue).hasSize(6).allSatisfy(message -> assertThat(message.messageAttributes())
                .doesNotContainKeys(DeadLetters.REASON_ATTRIBUTE, DeadLetters.ORIGINAL_MESSAGE_ID_ATTRIBUTE));
        assertThat(onWorkQueue).filteredOn(message -> message.messageAttributes().containsKey("traceparent"))
                .hasSize(1);
        assertThat(mq.approximateMessages(queues.deadLetterQueueUrl())).isZero();
    }

    @Test
    void anEmptyDeadLetterQueueMovesNothing(EmbeddedElasticMq mq, SqsClient sqs) {
        QueuePair queues = mq.createQueueWithDeadLetter("redrive-empty", 3, 30);

        assertThat(new DeadLetterRedrive(sqs).redrive(queues.deadLetterQueueUrl(), queues.workQueueUrl(), 10))
                .isEqualTo(new DeadLetterRedrive.Result(0, 0));
    }

    @Test
    void aRedriveNeedsAPositiveBound(SqsClient sqs) {
        assertThatThrownBy(() -> new DeadLetterRedrive(sqs).redrive("dlq", "work", 0))
                .hasMessage("redrive needs a bound of at least 1 message but got 0");
    }
}
