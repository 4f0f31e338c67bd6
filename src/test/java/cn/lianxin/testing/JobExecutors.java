package cn.lianxin.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executors of every application context alive in this test JVM. Spring keeps the contexts of
 * earlier test classes running, and they all share one PostgreSQL database, so any of their job
 * executors may run a timer that falls due while a test compares two {@link StoreSnapshot}s. A snapshot
 * therefore pauses them all until the comparison is done (or the test ends: {@link ResumeAfterEach}).
 */
public final class JobExecutors {

    private static final Set<JobExecutor> ALIVE = new CopyOnWriteArraySet<>();
    private static final List<JobExecutor> PAUSED = new CopyOnWriteArrayList<>();

    private JobExecutors() {}

    /** Registers a context's job executor for as long as the context lives. */
    static DisposableBean register(JobExecutor executor) {
        if (executor != null) {
            ALIVE.add(executor);
        }
        return () -> {
            ALIVE.remove(executor);
            PAUSED.remove(executor);
        };
    }

    /**
     * Stops every active job executor from acquiring jobs and waits until none is running a job; for a
     * test that needs due jobs to stay waiting ({@link ResumeAfterEach} starts them again).
     */
    public static synchronized void pause() {
        for (JobExecutor executor : ALIVE) {
            if (executor.isActive()) {
                executor.shutdown();
                PAUSED.add(executor);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ALIVE.stream().noneMatch(JobExecutors::busy));
    }

    /** Starts again the job executors {@link #pause()} stopped. */
    static synchronized void resume() {
        for (JobExecutor executor : PAUSED) {
            executor.start();
        }
        PAUSED.clear();
    }

    private static boolean busy(JobExecutor executor) {
        return executor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool
                && (pool.getActiveCount() > 0
                        || pool.getThreadPoolExecutor().getQueue().size() > 0);
    }

    /** Resumes the job executors after a test that took a snapshot but never compared it. */
    public static final class ResumeAfterEach implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            resume();
        }
    }
}
