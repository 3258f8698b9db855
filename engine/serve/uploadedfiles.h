#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos::serve {

// A file a client uploaded through /v1/files, as OpenAI describes one.
struct UploadedFile {
    std::string id;       // "file-" + 24 base-32 characters
    std::string filename; // as the client named it, without any folder
    std::string purpose;  // "fine-tune"
    std::uint64_t bytes = 0;
    std::int64_t createdAt = 0; // seconds since 1970
};

// OpenAI's file object: {"id", "object": "file", "bytes", "created_at", "filename", "purpose", "status"}.
nlohmann::json toJson(const UploadedFile &file);

// The uploaded files, in a folder of the data directory (<home>/files): each file's bytes
// in <id>.jsonl and its description in <id>.json, both written atomically (temp file,
// fsync, rename; the description last, so a listed file always has its bytes). A full disk
// loses nothing: the upload fails with Error(Io) and leaves no partial file.
// Thread-safe.
class UploadedFiles {
public:
    explicit UploadedFiles(std::filesystem::path folder);

    // Stores `content` under a new id. The filename is kept for display only, cut to its
    // last path component and 255 bytes.
    UploadedFile add(std::string_view filename, std::string_view purpose, std::string_view content);
    // Newest first; with a purpose, only those.
    std::vector<UploadedFile> list(std::string_view purpose = {}) const;
    // nullopt for an id that is not stored (or is not an id's shape: nothing outside the
    // folder is ever looked at).
    std::optional<UploadedFile> find(std::string_view id) const;
    // Where a stored file's bytes are (for a training recipe). Error(NotFound) as find.
    std::filesystem::path contentPath(std::string_view id) const;
    // Removes a stored file; false when there was none.
    bool remove(std::string_view id);

    static bool isFileId(std::string_view text) noexcept;

private:
    std::filesystem::path m_folder;
    mutable std::mutex m_mutex;
};

} // namespace llmos::serve
