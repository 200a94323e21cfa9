package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.shared.DemoDataContributor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo data a newcomer gets loads completely and looks real; the test rolls it back afterwards. */
@IntegrationTest
class DemoDataTest {

    @Autowired List<DemoDataContributor> contributors;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void loadsDepartmentsUsersAccountsContactsWithSomeDuplicatesAndOpenTasks() {
        tx.executeWithoutResult(status -> {
            int contactsBefore = count("select count(*) from contacts");
            int accountsBefore = count("select count(*) from accounts");
            int interactionsBefore = count("select count(*) from interactions");
            int tasksBefore = count("select count(*) from tasks");
            int dealsBefore = count("select count(*) from deals");
            contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order))
                    .forEach(DemoDataContributor::load);
            assertThat(count("select count(*) from departments where name in ('Sales East', 'Sales West', 'Support', 'Marketing')"))
                    .isEqualTo(4);
            assertThat(count("select count(*) from users where email like '%example.%'")).isGreaterThanOrEqualTo(12);
            assertThat(count("select count(distinct role) from users where email like '%example.%'")).isEqualTo(6);
            assertThat(count("select count(*) from departments where head_user_id is not null and name = 'Sales East'")).isEqualTo(1);
            assertThat(count("select count(*) from accounts") - accountsBefore).isEqualTo(200);
            assertThat(count("select count(*) from contacts") - contactsBefore).isBetween(1_000, 1_050);
            assertThat(count("select count(*) from contact_phones where number !~ '^\\+[1-9][0-9]{6,14}$'")).isZero();
            assertThat(count("select count(distinct (address->>'country')) from contacts where address is not null")).isGreaterThanOrEqualTo(10);
            assertThat(count("""
                    select count(*) from (select e.address from contact_emails e group by e.address having count(*) > 1) d
                    """)).isGreaterThan(0);
            assertThat(count("select count(*) from interactions") - interactionsBefore).isEqualTo(4_000);
            assertThat(count("select count(distinct type) from interactions where source = 'DEMO'")).isEqualTo(9);
            assertThat(count("select count(distinct department_id) from interactions where source = 'DEMO'"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(count("select count(*) from interactions where source = 'DEMO' and type = 'CALL'"
                    + " and origin_country is null")).isZero();
            assertThat(count("select count(*) from interactions i where source = 'DEMO' and not exists"
                    + " (select 1 from interaction_links l where l.interaction_id = i.id)")).isZero();
            assertThat(count("select count(*) from tasks where status in ('OPEN', 'IN_PROGRESS')") - tasksBefore)
                    .isBetween(250, 300);
            assertThat(count("select count(*) from tasks where status in ('OPEN', 'IN_PROGRESS') and due_at < now()"))
                    .isGreaterThan(30);
            assertThat(count("select count(*) from tasks where status in ('OPEN', 'IN_PROGRESS') and due_at > now()"))
                    .isGreaterThan(100);
            assertThat(count("""
                    select count(*) from tasks t where t.created_by is null and not exists (
                        select 1 from contacts c where t.record_type = 'contact' and c.id = t.record_id and c.owner_id = t.owner_id
                        union all
                        select 1 from accounts a where t.record_type = 'account' and a.id = t.record_id and a.owner_id = t.owner_id)
                    """)).as("demo tasks not assigned to the owner of their contact or account").isZero();
            assertThat(count("select count(distinct owner_id) from tasks")).isGreaterThan(5);
            assertThat(count("select count(*) from leads where created_by is null and generated_by is not null"
                    + " or owner_id is null")).isGreaterThan(100);
            assertThat(count("select count(distinct status) from leads")).isEqualTo(5);
            assertThat(count("""
                    select count(*) from leads l where l.status = 'CONVERTED' and not exists (
                        select 1 from contacts c where c.id = l.converted_contact_id and c.owner_id = l.owner_id)
                    """)).as("converted demo leads that do not point at a contact of their owner").isZero();
            assertThat(count("select count(*) from deals") - dealsBefore).isEqualTo(150);
            assertThat(count("select count(distinct d.status) from deals d where d.created_by is null")).isEqualTo(3);
            assertThat(count("select count(distinct d.pipeline_id) from deals d where d.created_by is null")).isEqualTo(2);
            assertThat(count("""
                    select count(*) from deals d where d.created_by is null and (
                        (select count(*) from deal_stage_history h where h.deal_id = d.id and h.left_at is null) <> 1
                        or not exists (select 1 from deal_stage_history h where h.deal_id = d.id
                                       and h.left_at is null and h.stage_id = d.stage_id)
                        or d.owner_id <> (select a.owner_id from accounts a where a.id = d.account_id))
                    """)).as("demo deals whose stage history or owner does not fit").isZero();
            status.setRollbackOnly();
        });
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
