package org.rapport.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;

/**
 * db-scheduler on several nodes: each node names itself {@code <host>:<HTTP port>} in {@code scheduled_tasks.picked_by}
 * (db-scheduler's default, the host name alone, is the same for every node of one machine), unless
 * {@code db-scheduler.scheduler-name} says otherwise; and every execution can be logged (logger
 * {@code org.rapport.platform.JobsConfig} at DEBUG) with the due time it ran for and the node that picked it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfig {

    private static final Logger log = LoggerFactory.getLogger(JobsConfig.class);

    @Bean
    DbSchedulerCustomizer schedulerNameCustomizer(@Value("${db-scheduler.scheduler-name:}") String configured,
                                                  @Value("${server.port:8080}") int port) {
        String name = schedulerName(configured, hostName(), port);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }
        };
    }

    /**
     * The configured name; else host and port; else, on a random port (0, tests), host, process id and a random
     * suffix, so that two schedulers in one process differ too.
     */
    static String schedulerName(String configured, String host, int port) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (port > 0) {
            return host + ":" + port;
        }
        return host + ":pid" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Bean
    ExecutionInterceptor jobExecutionLog() {
        return (instance, context, chain) -> {
            if (!log.isDebugEnabled()) {
                return chain.proceed(instance, context);
            }
            Execution execution = context.getExecution();
            long start = System.nanoTime();
            CompletionHandler<?> completion = chain.proceed(instance, context);
            log.debug("Job {} instance {} due {} ran on {} in {} ms", instance.getTaskName(), instance.getId(),
                    execution.executionTime, execution.pickedBy,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            return completion;
        };
    }
}
