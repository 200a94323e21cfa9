package org.rapport.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code pipelines} and {@code pipeline_stages}. */
@Repository
class PipelineRepository {

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pipeline with its stages, in order. */
    List<PipelineView> all() {
        List<PipelineStage> stages = jdbc.sql("""
                select id, pipeline_id, name, position, probability, kind from pipeline_stages
                order by pipeline_id, position, name
                """).query((rs, n) -> new PipelineStage(rs.getObject("id", UUID.class),
                        rs.getObject("pipeline_id", UUID.class), rs.getString("name"), rs.getInt("position"),
                        rs.getInt("probability"), StageKind.valueOf(rs.getString("kind")))).list();
        Map<UUID, List<PipelineStage>> byPipeline = new LinkedHashMap<>();
        stages.forEach(s -> byPipeline.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>()).add(s));
        return jdbc.sql("select id, name, position, is_default, version from pipelines order by position, lower(name)")
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new PipelineView(id, rs.getString("name"), rs.getInt("position"),
                            rs.getBoolean("is_default"), rs.getInt("version"),
                            List.copyOf(byPipeline.getOrDefault(id, List.of())));
                }).list();
    }

    UUID insert(String name, int position, boolean isDefault) {
        return jdbc.sql("insert into pipelines (name, position, is_default) values (:name, :position, :isDefault) returning id")
                .param("name", name).param("position", position).param("isDefault", isDefault)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, String name, int position) {
        return jdbc.sql("""
                update pipelines set name = :name, position = :position, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """).param("id", id).param("version", version).param("name", name).param("position", position)
                .update() == 1;
    }

    void makeDefault(UUID id) {
        jdbc.sql("update pipelines set is_default = false where is_default and id <> :id").param("id", id).update();
        jdbc.sql("update pipelines set is_default = true where id = :id").param("id", id).update();
    }

    UUID insertStage(UUID pipelineId, String name, int position, int probability, StageKind kind) {
        return jdbc.sql("""
                insert into pipeline_stages (pipeline_id, name, position, probability, kind)
                values (:pipeline, :name, :position, :probability, :kind) returning id
                """).param("pipeline", pipelineId).param("name", name).param("position", position)
                .param("probability", probability).param("kind", kind.name()).query(UUID.class).single();
    }

    void updateStage(UUID id, String name, int position, int probability, StageKind kind) {
        jdbc.sql("""
                update pipeline_stages set name = :name, position = :position, probability = :probability,
                       kind = :kind, updated_at = now()
                where id = :id
                """).param("id", id).param("name", name).param("position", position)
                .param("probability", probability).param("kind", kind.name()).update();
    }

    boolean stageInUse(UUID stageId) {
        return jdbc.sql("""
                select exists (select 1 from deals where stage_id = :id)
                    or exists (select 1 from deal_stage_history where stage_id = :id)
                """).param("id", stageId).query(Boolean.class).single();
    }

    void deleteStage(UUID id) {
        jdbc.sql("delete from pipeline_stages where id = :id").param("id", id).update();
    }
}
