#include "registry/blobstore.h"

#include "registry/foldersync.h"
#include "registry/sha256hasher.h"
#include "registry/sourcefile.h"
#include "registry/writerlock.h"
#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace llmos {

namespace {

[[noreturn]] void throwErrno(const std::string &where, const std::string &what)
{
    const int err = errno;
    throw Error(ErrorKind::Io, where,
                what + ": " + std::strerror(err) + (err == ENOSPC ? " (free some space and import again)" : ""));
}

void writeAll(int fd, const std::uint8_t *data, std::size_t size, const std::string &where)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(where, "cannot write the copy");
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void createFolder(const std::string &folder)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::Io, folder, "cannot create the folder: " + ec.message());
}

} // namespace

BlobStore::BlobStore(std::string folder)
    : m_folder(std::move(folder))
{
}

std::string BlobStore::tempFolder() const
{
    return m_folder + "/tmp";
}

std::string BlobStore::pathOf(std::string_view sha256) const
{
    if (!isSha256Hex(sha256))
        throw Error(ErrorKind::InvalidInput, std::string(sha256), "is not a SHA-256 digest (64 lower-case hex digits)");
    return m_folder + "/sha256/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

bool BlobStore::contains(std::string_view sha256) const
{
    FileStamp stamp;
    return statRegularFile(pathOf(sha256), stamp);
}

StagedBlob BlobStore::stage(const std::string &source, const std::function<void(std::uint64_t)> &onBytes,
                            std::stop_token stop) const
{
    SourceFile input(source);
    createFolder(tempFolder());
    std::string pattern = tempFolder() + "/blob-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throwErrno(tempFolder(), "cannot create a temporary file");
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    StagedBlob blob(pattern, fd); // from here on, any exception removes the temp file
    // Locked before the first byte: recovery elsewhere sees a live writer, not debris.
    if (!WriterLock::tryLockFile(fd))
        throw Error(ErrorKind::Internal, pattern, "cannot lock a temporary file that was just created");

    const auto copy = [&](std::span<const std::uint8_t> piece) { writeAll(fd, piece.data(), piece.size(), pattern); };
    const std::string digest = sha256OfStream(input, copy, onBytes, stop);
    if (::fsync(fd) != 0)
        throwErrno(pattern, "fsync of the copy failed");
    blob.setContent(digest, input.size());
    return blob;
}

std::string BlobStore::commit(StagedBlob &blob) const
{
    const std::string target = pathOf(blob.sha256());
    FileStamp existing;
    // A blob of the right size is the same content (its name is its hash); one of another
    // size was damaged on disk and is replaced by the fresh copy.
    if (statRegularFile(target, existing) && existing.size == blob.size()) {
        if (::unlink(blob.tempPath().c_str()) != 0 && errno != ENOENT)
            throwErrno(blob.tempPath(), "cannot remove the duplicate copy");
        blob.markCommitted();
        return target;
    }
    const std::string folder = fs::path(target).parent_path().string();
    createFolder(folder);
    // Read-only: models/<id>/ hard-links these, and a program writing "its" model file
    // must not change a blob other models share.
    if (::fchmod(blob.fd(), 0444) != 0)
        throwErrno(blob.tempPath(), "cannot make the copy read-only");
    if (::rename(blob.tempPath().c_str(), target.c_str()) != 0)
        throwErrno(target, "cannot move the copy into the blob store");
    blob.markCommitted();
    syncFolder(folder);
    return target;
}

std::string BlobStore::put(const std::string &source, const std::function<void(std::uint64_t)> &onBytes,
                           std::stop_token stop) const
{
    StagedBlob blob = stage(source, onBytes, stop);
    commit(blob);
    return blob.sha256();
}

void BlobStore::remove(std::string_view sha256) const
{
    const std::string path = pathOf(sha256);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        throwErrno(path, "cannot remove the blob");
}

std::vector<std::string> BlobStore::list() const
{
    std::vector<std::string> digests;
    std::error_code ec;
    const fs::path root = fs::path(m_folder) / "sha256";
    if (!fs::is_directory(root, ec))
        return digests;
    for (const auto &prefix : fs::directory_iterator(root, ec)) {
        std::error_code inner;
        for (const auto &entry : fs::directory_iterator(prefix.path(), inner)) {
            const std::string name = entry.path().filename().string();
            if (isSha256Hex(name) && name.compare(0, 2, prefix.path().filename().string()) == 0)
                digests.push_back(name);
        }
    }
    if (ec)
        throw Error(ErrorKind::Io, root.string(), "cannot list the blob store: " + ec.message());
    return digests;
}

std::size_t BlobStore::removeAbandonedTemps() const
{
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(tempFolder(), ec)) {
        const std::string path = entry.path().string();
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0) {
            // Not a file we can lock (a link, a folder): not ours, remove it all the same.
            std::error_code rm;
            removed += fs::remove_all(entry.path(), rm) > 0 ? 1 : 0;
            continue;
        }
        // The writer's flock makes this fail while it lives; the kernel drops it at death.
        if (WriterLock::tryLockFile(fd) && ::unlink(path.c_str()) == 0)
            ++removed;
        ::close(fd);
    }
    return removed;
}

} // namespace llmos
