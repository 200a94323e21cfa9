package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every node of a cluster gets its own db-scheduler name, also when several run on one host. */
class JobsConfigTest {

    @Test
    void namesTheSchedulerAfterHostAndPort() {
        assertThat(JobsConfig.schedulerName("", "crm1", 8080)).isEqualTo("crm1:8080");
        assertThat(JobsConfig.schedulerName(null, "crm1", 8081)).isEqualTo("crm1:8081");
    }

    @Test
    void aConfiguredNameWins() {
        assertThat(JobsConfig.schedulerName(" node-a ", "crm1", 8080)).isEqualTo("node-a");
    }

    @Test
    void twoSchedulersOnRandomPortsInOneProcessGetDifferentNames() {
        String first = JobsConfig.schedulerName("", "crm1", 0);
        String second = JobsConfig.schedulerName("", "crm1", 0);
        assertThat(first).startsWith("crm1:pid" + ProcessHandle.current().pid() + "-");
        assertThat(first).isNotEqualTo(second);
    }
}
