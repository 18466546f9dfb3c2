package dev.offhours.reconciler.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.reconciler.service.CredentialLogGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without a logback file the function would log the SDK's signed headers at DEBUG. */
class FunctionLoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Level before = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();

    @AfterEach
    void restore() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(before);
    }

    @Test
    void theFunctionLogsAtInfoWithTheCredentialGuardUnlessToldOtherwise() {
        FunctionLogging.configure("INFO");

        assertThat(context.getLogger("software.amazon.awssdk.request").isDebugEnabled()).isFalse();
        assertThat(context.getTurboFilterList()).anySatisfy(f -> assertThat(f).isInstanceOf(CredentialLogGuard.class));
    }

    @Test
    void anUnknownLevelFallsBackToInfo() {
        FunctionLogging.configure("chatty");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }
}
