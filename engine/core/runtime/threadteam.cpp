#include "runtime/threadteam.h"

#include <algorithm>
#include <chrono>
#include <limits>

#ifdef __linux__
#include <pthread.h>
#endif

namespace llmos {

namespace {

// Clock reads are cheap but not free: look at the clock once per this many pauses.
constexpr int kPausesPerClockRead = 32;

// Tells the core this is a spin-wait: it saves power and lets the other hyper-thread run.
inline void cpuPause() noexcept
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

// Spins until done() or `spinTime` has passed; returns done().
template <typename Done>
bool spinUntil(std::chrono::microseconds spinTime, const Done &done)
{
    const auto deadline = std::chrono::steady_clock::now() + spinTime;
    for (;;) {
        for (int i = 0; i < kPausesPerClockRead; ++i) {
            if (done())
                return true;
            cpuPause();
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return done();
    }
}

} // namespace

ThreadTeam::ThreadTeam(int threads, std::chrono::microseconds spinTime)
    : m_spinTime(spinTime)
{
    resize(threads);
}

ThreadTeam::~ThreadTeam()
{
    takeTeam();
    stopWorkers();
}

void ThreadTeam::takeTeam()
{
    while (m_busy.test_and_set(std::memory_order_acquire))
        std::this_thread::yield();
}

void ThreadTeam::stopWorkers()
{
    if (m_workers.empty())
        return;
    m_stopping.store(true, std::memory_order_relaxed);
    m_published.store(nextJobId(), std::memory_order_release); // wakes every worker to see m_stopping
    m_published.notify_all();
    for (auto &worker : m_workers)
        worker.join();
    m_workers.clear();
    m_stopping.store(false, std::memory_order_relaxed);
}

void ThreadTeam::resize(int threads)
{
    threads = std::max(threads, 1);
    takeTeam();
    if (threads != this->threads()) {
        stopWorkers();
        m_threads.store(threads, std::memory_order_relaxed);
        const auto current = m_published.load(std::memory_order_relaxed);
        for (int i = 1; i < threads; ++i) {
            m_workers.emplace_back([this, current] { workerLoop(current); });
#ifdef __linux__
            pthread_setname_np(m_workers.back().native_handle(), "llmos-team");
#endif
        }
    }
    m_busy.clear(std::memory_order_release);
}

std::uint32_t ThreadTeam::nextJobId() noexcept
{
    m_lastId = m_lastId == std::numeric_limits<std::uint32_t>::max() ? 1 : m_lastId + 1;
    return m_lastId;
}

void ThreadTeam::run(std::int64_t items, std::int64_t grain, Thunk thunk, const void *context)
{
    grain = std::max<std::int64_t>(grain, 1);
    const std::int64_t grains = (items + grain - 1) / grain;
    if (grains <= 1 || grains > std::numeric_limits<std::uint32_t>::max()) {
        runInline(items, thunk, context);
        return;
    }
    if (m_busy.test_and_set(std::memory_order_acquire)) {
        runInline(items, thunk, context); // another thread's job has the team
        return;
    }
    if (m_workers.empty()) {
        m_busy.clear(std::memory_order_release);
        runInline(items, thunk, context);
        return;
    }

    // Close the previous job to latecomers, then wait for workers still inside it (they
    // only find its chunks all taken and leave) before its description is overwritten.
    // Sequentially consistent on both sides: a worker that saw the old id after counting
    // itself in is seen here in m_readers.
    m_published.store(0, std::memory_order_seq_cst);
    if (!spinUntil(m_spinTime, [this] { return m_readers.load(std::memory_order_seq_cst) == 0; }))
        while (m_readers.load(std::memory_order_seq_cst) != 0)
            std::this_thread::yield();

    m_job = {thunk, context, items, grain, static_cast<std::uint32_t>(grains), static_cast<std::uint32_t>(threads())};
    m_nextGrain.store(0, std::memory_order_relaxed);
    m_doneGrains.store(0, std::memory_order_relaxed);
    m_published.store(nextJobId(), std::memory_order_seq_cst);
    m_published.notify_all(); // a syscall only when some worker sleeps

    const auto mine = claimChunks();
    if (m_doneGrains.fetch_add(mine, std::memory_order_acq_rel) + mine != m_job.grains)
        waitUntilAllDone(m_job.grains);
    m_busy.clear(std::memory_order_release);
}

std::uint32_t ThreadTeam::claimChunks() noexcept
{
    const auto &job = m_job;
    std::uint32_t ran = 0;
    auto first = m_nextGrain.load(std::memory_order_relaxed);
    for (;;) {
        if (first >= job.grains)
            return ran;
        const auto take = std::max<std::uint32_t>(1, (job.grains - first) / (2 * job.threads));
        if (!m_nextGrain.compare_exchange_weak(first, first + take, std::memory_order_relaxed))
            continue; // `first` now holds the counter's new value
        const auto begin = static_cast<std::int64_t>(first) * job.grain;
        job.thunk(job.context, begin, std::min(job.items, begin + static_cast<std::int64_t>(take) * job.grain));
        ran += take;
        first = m_nextGrain.load(std::memory_order_relaxed);
    }
}

void ThreadTeam::waitUntilAllDone(std::uint32_t grains) const
{
    if (spinUntil(m_spinTime, [&] { return m_doneGrains.load(std::memory_order_acquire) == grains; }))
        return;
    for (auto done = m_doneGrains.load(std::memory_order_acquire); done != grains;
         done = m_doneGrains.load(std::memory_order_acquire))
        m_doneGrains.wait(done, std::memory_order_acquire);
}

std::uint32_t ThreadTeam::waitForJob(std::uint32_t seen) const
{
    std::uint32_t id = 0;
    const auto arrived = [&] {
        id = m_published.load(std::memory_order_acquire);
        return id != seen && id != 0;
    };
    if (spinUntil(m_spinTime, arrived))
        return id;
    while (!arrived())
        m_published.wait(id, std::memory_order_acquire);
    return id;
}

void ThreadTeam::workerLoop(std::uint32_t seen)
{
    for (;;) {
        const auto id = waitForJob(seen);
        if (m_stopping.load(std::memory_order_relaxed))
            return;
        seen = id;
        m_readers.fetch_add(1, std::memory_order_seq_cst);
        if (m_published.load(std::memory_order_seq_cst) == id) {
            const auto grains = m_job.grains;
            const auto ran = claimChunks();
            if (ran > 0 && m_doneGrains.fetch_add(ran, std::memory_order_acq_rel) + ran == grains)
                m_doneGrains.notify_all(); // a syscall only when the caller sleeps
        }
        m_readers.fetch_sub(1, std::memory_order_release);
    }
}

} // namespace llmos
