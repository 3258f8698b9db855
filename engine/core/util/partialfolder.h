#pragma once

#include <filesystem>
#include <string>

namespace llmos {

// The temporary folder an export is written into, next to its destination: it is
// renamed into place only when everything in it is complete, so an error, a cancel or
// a crash never leaves a half-written folder at the destination. Removed with all its
// contents unless moveTo() was reached.
class PartialFolder {
public:
    // Creates ".<destination name>.partial-<pid>-<random>" in the destination's folder.
    explicit PartialFolder(const std::filesystem::path &destination);
    ~PartialFolder();
    PartialFolder(const PartialFolder &) = delete;
    PartialFolder &operator=(const PartialFolder &) = delete;

    const std::filesystem::path &path() const noexcept { return m_path; }
    // Renames the folder to `destination`; afterwards the destructor leaves it alone.
    void moveTo(const std::filesystem::path &destination);

    // `destination` as an absolute path, checked to be a new folder in an existing one:
    // Error(InvalidInput) when it exists (nothing of the user's is overwritten),
    // Error(NotFound) when its parent folder does not exist.
    static std::filesystem::path newDestination(const std::string &destination);

private:
    std::filesystem::path m_path;
};

} // namespace llmos
