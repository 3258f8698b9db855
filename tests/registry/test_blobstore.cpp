// The content-addressed store: hashing on a second thread while copying, identical files
// stored once, progress and cancel, and temp files of dead writers told apart from live
// ones.

#include "registry/blobstore.h"
#include "registry/sha256hasher.h"
#include "registry/sha256pipeline.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace llmos;
using llmos::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::size_t tempCount(const BlobStore &store)
{
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(store.tempFolder(), ec); !ec && it != fs::directory_iterator(); ++it)
        ++n;
    return n;
}

} // namespace

TEST(Sha256, KnownDigests)
{
    Sha256Hasher empty;
    EXPECT_EQ(empty.finishHex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Sha256Hasher abc;
    abc.update("a", 1);
    abc.update("bc", 2);
    EXPECT_EQ(abc.finishHex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_TRUE(isSha256Hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_FALSE(isSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    EXPECT_FALSE(isSha256Hex("../../etc/passwd"));
}

TEST(Sha256Pipeline, HashesPiecesInTheOrderSubmitted)
{
    // More pieces than buffers, of uneven sizes (an empty one too), each buffer refilled
    // with other bytes as soon as it is free again.
    Sha256Pipeline pipeline(64);
    Sha256Hasher reference;
    for (std::size_t i = 0; i < 3 * Sha256Pipeline::kBuffers + 1; ++i) {
        const auto buffer = pipeline.take();
        const std::size_t size = (i * 37) % 65;
        for (std::size_t b = 0; b < size; ++b)
            buffer[b] = static_cast<std::uint8_t>(i * 31 + b);
        reference.update(buffer.data(), size);
        pipeline.submit(size);
    }
    EXPECT_EQ(pipeline.finishHex(), reference.finishHex());
}

TEST(Sha256Pipeline, CanBeAbandonedAtAnyPoint)
{
    // What a cancelled or failed copy does: the destructor stops and joins the hasher.
    for (std::size_t submitted = 0; submitted <= Sha256Pipeline::kBuffers; ++submitted) {
        Sha256Pipeline pipeline(1 << 20);
        for (std::size_t i = 0; i < submitted; ++i) {
            pipeline.take();
            pipeline.submit(1 << 20);
        }
    }
}

TEST(BlobStore, PutStoresTheFileUnderItsDigestReadOnly)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string digest = store.put(dir.write("a.txt", "abc"));
    EXPECT_EQ(digest, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string path = store.pathOf(digest);
    EXPECT_EQ(path, dir.file("blobs/sha256/ba/" + digest));
    EXPECT_EQ(llmos::test::readFile(path), "abc");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0444u);
    EXPECT_EQ(tempCount(store), 0u);
    EXPECT_TRUE(store.contains(digest));
}

TEST(BlobStore, IdenticalFilesAreStoredOnce)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string content(3 << 20, 'z');
    const auto a = store.put(dir.write("a.bin", content));
    const auto b = store.put(dir.write("sub/b.bin", content));
    const auto c = store.put(dir.write("c.bin", content + "!"));
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_EQ(store.list().size(), 2u);
    EXPECT_EQ(tempCount(store), 0u);
    store.remove(a);
    EXPECT_FALSE(store.contains(a));
    EXPECT_TRUE(store.contains(c));
}

TEST(BlobStore, ReportsProgressPerPieceAndMatchesAWholeFileHash)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string content((5 << 20) / 2, 'p'); // 2.5 pieces of 1 MiB
    const std::string source = dir.write("p.bin", content);
    std::vector<std::uint64_t> seen;
    const auto digest = store.put(source, [&](std::uint64_t done) { seen.push_back(done); });
    EXPECT_EQ(seen, (std::vector<std::uint64_t>{1 << 20, 2 << 20, content.size()}));
    EXPECT_EQ(digest, sha256OfFile(source));
}

TEST(BlobStore, ACopyOfManyPiecesIsByteForByteTheSource)
{
    // 9.5 pieces of 1 MiB, every byte different from its neighbours: a piece hashed or
    // written out of order, twice, or from a buffer already refilled would show.
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    std::string content((19 << 20) / 2, '\0');
    for (std::size_t i = 0; i < content.size(); ++i)
        content[i] = static_cast<char>((i * 2654435761u) >> 13);
    const std::string source = dir.write("many.bin", content);
    Sha256Hasher reference;
    reference.update(content.data(), content.size());
    const std::string digest = store.put(source);
    EXPECT_EQ(digest, reference.finishHex());
    EXPECT_TRUE(llmos::test::readFile(store.pathOf(digest)) == content);
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, AnErrorMidCopyEndsItAndRemovesTheTempFile)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string source = dir.write("big.bin", std::string(5 << 20, 'f'));
    int pieces = 0;
    try {
        // From the progress callback here; a failed write ends the copy the same way.
        store.put(source, [&](std::uint64_t) {
            if (++pieces == 2)
                throw Error(ErrorKind::Io, "copy", "disk full (simulated)");
        });
        FAIL() << "the put went on after its second piece failed";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
        EXPECT_EQ(e.detail(), "disk full (simulated)");
    }
    EXPECT_TRUE(store.list().empty());
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, CancelLeavesNeitherBlobNorTempFile)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string source = dir.write("big.bin", std::string(3 << 20, 'c'));
    std::stop_source stop;
    try {
        store.put(source, [&](std::uint64_t) { stop.request_stop(); }, stop.get_token());
        FAIL() << "the put was not cancelled";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_TRUE(store.list().empty());
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, FileWrittenDuringTheCopyIsRefused)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string source = dir.write("growing.bin", std::string(3 << 20, 'g'));
    try {
        store.put(source, [&](std::uint64_t) {
            std::ofstream(source, std::ios::app) << "more";
        });
        FAIL() << "a file that changed during the copy was stored";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
        EXPECT_NE(std::string(e.detail()).find("changed while"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(store.list().empty());
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, RefusesWhatIsNotARegularFile)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    const std::string fifo = dir.file("fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string &path : {fifo, dir.path(), std::string("/dev/zero")}) {
        try {
            store.put(path);
            FAIL() << path << " was stored";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::InvalidInput) << e.what();
        }
    }
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, RemovesTempFilesOfDeadWritersOnly)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    StagedBlob live = store.stage(dir.write("live.bin", "live"));
    // What a killed writer leaves: a temp file nobody holds a lock on.
    std::ofstream(store.tempFolder() + "/blob-dead01") << "half a file";
    ASSERT_EQ(tempCount(store), 2u);
    EXPECT_EQ(store.removeAbandonedTemps(), 1u);
    EXPECT_TRUE(fs::exists(live.tempPath()));
    store.commit(live);
    EXPECT_TRUE(store.contains(live.sha256()));
    EXPECT_EQ(tempCount(store), 0u);
}

TEST(BlobStore, NamesThatAreNotDigestsNeverBecomePaths)
{
    TempDir dir;
    const BlobStore store(dir.file("blobs"));
    for (const char *bad : {"../../../etc/passwd", "", "ab", "g000000000000000000000000000000000000000000000000000000000000000"})
        EXPECT_THROW(store.pathOf(bad), Error) << bad;
}
