package org.rapport.imports;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Scope;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of the import and undo jobs, a chunk of rows per transaction. Each chunk's contacts or leads, error rows
 * and progress commit together, so a job that dies (even by {@code kill -9}) leaves whole chunks behind, and the job
 * run again goes on from the first row not done.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** The job stopped because its node is shutting down; it runs again later, from where it stopped. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("The node shut down; the import goes on later", null, false, false);
        }
    }

    private final ImportRepository imports;
    private final ImportTargets targets;
    private final ImportWriter writer;
    private final UserService users;
    private final TransactionTemplate transaction;
    private final int chunkSize;

    ImportRunner(ImportRepository imports, ImportTargets targets, ImportWriter writer, UserService users,
                 TransactionTemplate transaction, @Value("${rapport.imports.chunk-size:2000}") int chunkSize) {
        this.imports = imports;
        this.targets = targets;
        this.writer = writer;
        this.users = users;
        this.transaction = transaction;
        this.chunkSize = Math.clamp(chunkSize, 1, ImportWriter.MAX_ROWS);
    }

    void runImport(UUID id, BooleanSupplier stopping) {
        ImportView job = imports.find(id).orElse(null);
        if (job == null || (job.status() != ImportStatus.QUEUED && job.status() != ImportStatus.RUNNING)) {
            return;
        }
        CurrentUser importer = actingUser(job.createdBy());
        if (importer == null) {
            fail(id, "The user who started this import is no longer active");
            return;
        }
        transaction.executeWithoutResult(s -> imports.transition(id, ImportStatus.QUEUED, ImportStatus.RUNNING));
        byte[] content = imports.content(id).orElse(null);
        if (content == null) {
            fail(id, "The uploaded file is no longer there");
            return;
        }
        ImportEntity entity = ImportEntity.of(job.entity());
        ImportMapping mapping;
        try {
            mapping = targets.parse(entity, job.mapping(), job.columns());
        } catch (InvalidFieldException e) {
            fail(id, e.getMessage());
            return;
        }
        String consentSource = "import " + job.fileName();
        boolean finished = as(importer, () -> {
            try (SheetReader reader = SheetReader.open(job.format(), content);
                 ChunkReader chunks = new ChunkReader(reader, entity, mapping)) {
                int done = imports.find(id).orElseThrow().counts().processed();
                reader.skip(done);
                chunks.readAhead();
                while (true) {
                    if (stopping.getAsBoolean()) {
                        throw new Interrupted();
                    }
                    long waited = System.nanoTime();
                    ImportWriter.Prepared chunk = chunks.next();
                    if (chunk.size() == 0) {
                        return true;
                    }
                    chunks.readAhead();
                    int expected = done;
                    long started = System.nanoTime();
                    waited = started - waited;
                    boolean current = Boolean.TRUE.equals(transaction.execute(s -> {
                        ImportRepository.Progress progress = imports.lock(id);
                        if (progress.status() != ImportStatus.RUNNING || progress.processedRows() != expected) {
                            return false;
                        }
                        importChunk(id, importer, job, consentSource, chunk);
                        return true;
                    }));
                    if (!current) {
                        log.info("Import {} is being run elsewhere or has stopped; leaving it", id);
                        return false;
                    }
                    done += chunk.size();
                    log.debug("Import {}: {} rows written in {} ms, after waiting {} ms for them to be read ({} done)",
                            id, chunk.size(), (System.nanoTime() - started) / 1_000_000, waited / 1_000_000, done);
                }
            } catch (InvalidFieldException e) {
                fail(id, e.getMessage());
                return false;
            }
        });
        if (finished) {
            transaction.executeWithoutResult(s -> {
                if (imports.transition(id, ImportStatus.RUNNING, ImportStatus.COMPLETED)) {
                    imports.deleteFile(id);
                }
            });
        }
    }

    void runUndo(UUID id, BooleanSupplier stopping) {
        ImportView job = imports.find(id).orElse(null);
        if (job == null || job.status() != ImportStatus.UNDOING) {
            return;
        }
        CurrentUser user = actingUser(imports.undoneBy(id));
        if (user == null) {
            fail(id, "The user who asked to undo this import is no longer active");
            return;
        }
        boolean finished = as(user, () -> {
            while (true) {
                if (stopping.getAsBoolean()) {
                    throw new Interrupted();
                }
                ImportWriter.Reverted reverted = transaction.execute(s -> {
                    if (imports.lock(id).status() != ImportStatus.UNDOING) {
                        return null;
                    }
                    ImportWriter.Reverted r = writer.revert(ImportEntity.of(job.entity()), user, id, chunkSize);
                    imports.advanceUndo(id, r.deleted(), r.restored(), r.kept());
                    return r;
                });
                if (reverted == null) {
                    return false;
                }
                if (reverted.total() == 0) {
                    return true;
                }
            }
        });
        if (finished) {
            transaction.executeWithoutResult(s -> imports.transition(id, ImportStatus.UNDOING, ImportStatus.UNDONE));
        }
    }

    void fail(UUID id, String message) {
        log.warn("Import {} failed: {}", id, message);
        transaction.executeWithoutResult(s -> imports.fail(id, message));
    }

    private void importChunk(UUID id, CurrentUser importer, ImportView job, String consentSource,
                             ImportWriter.Prepared chunk) {
        List<ImportWriter.RowResult> results = writer.write(chunk, importer, id, job.policy(), consentSource);
        imports.addErrors(id, results.stream().filter(r -> r.outcome() == ImportWriter.Outcome.FAILED)
                .flatMap(r -> r.problems().stream()).toList());
        imports.advance(id, chunk.size(), count(results, ImportWriter.Outcome.CREATED),
                count(results, ImportWriter.Outcome.UPDATED), count(results, ImportWriter.Outcome.SKIPPED),
                count(results, ImportWriter.Outcome.FAILED));
    }

    /**
     * Reads and converts the next chunk of the file on a thread of its own while the job writes the current one, so
     * that parsing, validation and phone normalization overlap the database work instead of adding to it. One chunk is
     * read ahead at most; the reader is used by one thread at a time.
     */
    private final class ChunkReader implements AutoCloseable {
        private final SheetReader reader;
        private final ImportEntity entity;
        private final ImportMapping mapping;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("import-reader").daemon().factory());
        private Future<ImportWriter.Prepared> ahead;

        ChunkReader(SheetReader reader, ImportEntity entity, ImportMapping mapping) {
            this.reader = reader;
            this.entity = entity;
            this.mapping = mapping;
        }

        /** Starts reading and converting the chunk after the one last returned. */
        void readAhead() {
            ahead = thread.submit(() -> writer.prepare(entity, mapping, reader.next(chunkSize)));
        }

        /** The chunk read ahead (empty after the last row), waiting for it if need be. */
        ImportWriter.Prepared next() {
            try {
                return ahead.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                ahead = null;
            }
        }

        @Override
        public void close() {
            if (ahead != null) {
                ahead.cancel(true);
            }
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int count(List<ImportWriter.RowResult> results, ImportWriter.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The user a job acts for, as they are now; null when they can no longer write. */
    CurrentUser actingUser(UUID userId) {
        UserView user = userId == null ? null : users.find(userId).orElse(null);
        if (user == null || !user.active() || !user.role().canWrite()) {
            return null;
        }
        return new CurrentUser(user.id(), user.email(), user.name(), user.role(), user.departmentId(),
                EnumSet.allOf(Scope.class));
    }

    /** Runs the work signed in as the user, so that the audit trail names them. */
    static <T> T as(CurrentUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
