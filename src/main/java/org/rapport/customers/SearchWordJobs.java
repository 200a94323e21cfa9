package org.rapport.customers;

import java.time.LocalTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Removes from the search dictionary, every night, the words that deleted and renamed records left behind. */
@Configuration(proxyBeanMethods = false)
class SearchWordJobs {

    private static final Logger log = LoggerFactory.getLogger(SearchWordJobs.class);

    @Bean
    RecurringTask<Void> searchWordsPruneTask(SearchWords words) {
        return Tasks.recurring("search-words-prune", Schedules.daily(LocalTime.of(3, 30)))
                .execute((instance, context) -> log.info("Search dictionary pruned of {} words", words.prune()));
    }
}
