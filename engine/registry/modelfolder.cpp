#include "registry/modelfolder.h"

#include "registry/blobstore.h"
#include "registry/sourcefile.h"
#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace llmos {

namespace {

void linkBlob(const std::string &blob, const std::string &link)
{
    if (::link(blob.c_str(), link.c_str()) == 0)
        return;
    const int err = errno;
    // EXDEV: models/ on another file system; EPERM/EMLINK: no or too many hard links.
    if ((err == EXDEV || err == EPERM || err == EMLINK) && ::symlink(blob.c_str(), link.c_str()) == 0)
        return;
    throw Error(ErrorKind::Io, link, "cannot link the model's file to its blob " + blob + ": " + std::strerror(err));
}

} // namespace

void makeModelFolder(const std::string &folder, const std::vector<ModelFile> &files, const BlobStore &blobs)
{
    const fs::path target(folder);
    std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw Error(ErrorKind::Io, folder, std::string("cannot create the model's folder: ") + std::strerror(errno));
    const fs::path staging(pattern);
    try {
        for (const auto &file : files) {
            checkModelFilePath(file.path, folder);
            const fs::path link = staging / file.path;
            fs::create_directories(link.parent_path());
            linkBlob(blobs.pathOf(file.sha256), link.string());
        }
        std::error_code ec;
        fs::remove_all(target, ec);
        if (::rename(staging.c_str(), target.c_str()) != 0)
            throw Error(ErrorKind::Io, folder, std::string("cannot move the model's folder into place: ") + std::strerror(errno));
    } catch (...) {
        std::error_code ec;
        fs::remove_all(staging, ec);
        throw;
    }
}

bool modelFolderIsComplete(const std::string &folder, const std::vector<ModelFile> &files)
{
    for (const auto &file : files) {
        FileStamp stamp;
        if (!statRegularFile(folder + "/" + file.path, stamp) || stamp.size != file.size)
            return false;
    }
    return true;
}

} // namespace llmos
