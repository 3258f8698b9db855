#include "registry/foldersync.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace llmos {

void syncFolder(const std::string &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorKind::Io, folder, std::string("cannot open the folder to sync it: ") + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        throw Error(ErrorKind::Io, folder, std::string("fsync of the folder failed: ") + std::strerror(err));
}

} // namespace llmos
