#include "serve/uploadedfiles.h"

#include "serve/jsonresponse.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/randomid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace llmos::serve {

namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "file-";
constexpr std::size_t kRandomLength = 24;

std::string newFileId()
{
    // Two of the registry's random ids side by side: 120 bits, OpenAI's id length.
    return std::string(kPrefix) + randomId("") + randomId("");
}

// The last path component, cut to 255 bytes at a character boundary.
std::string displayName(std::string_view filename)
{
    if (const auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos)
        filename.remove_prefix(slash + 1);
    std::size_t size = std::min<std::size_t>(filename.size(), 255);
    while (size > 0 && size < filename.size() && (static_cast<unsigned char>(filename[size]) & 0xC0) == 0x80)
        --size;
    return std::string(filename.substr(0, size));
}

UploadedFile fromJson(const json &value)
{
    UploadedFile file;
    file.id = value.at("id").get<std::string>();
    file.filename = value.at("filename").get<std::string>();
    file.purpose = value.at("purpose").get<std::string>();
    file.bytes = value.at("bytes").get<std::uint64_t>();
    file.createdAt = value.at("created_at").get<std::int64_t>();
    return file;
}

} // namespace

json toJson(const UploadedFile &file)
{
    return {{"id", file.id},           {"object", "file"},           {"bytes", file.bytes},
            {"created_at", file.createdAt}, {"filename", file.filename}, {"purpose", file.purpose},
            {"status", "processed"},   {"status_details", nullptr}};
}

UploadedFiles::UploadedFiles(std::filesystem::path folder) : m_folder(std::move(folder)) {}

bool UploadedFiles::isFileId(std::string_view text) noexcept
{
    if (!text.starts_with(kPrefix) || text.size() != kPrefix.size() + kRandomLength)
        return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(kPrefix.size()), text.end(),
                       [](char c) { return kIdAlphabet.find(c) != std::string_view::npos; });
}

UploadedFile UploadedFiles::add(std::string_view filename, std::string_view purpose, std::string_view content)
{
    UploadedFile file{newFileId(), displayName(filename), std::string(purpose), content.size(), unixTime()};
    std::error_code ec;
    std::filesystem::create_directories(m_folder, ec);
    if (ec)
        throw Error(ErrorKind::Io, m_folder.string(), "cannot create the folder for uploaded files: " + ec.message());
    std::lock_guard lock(m_mutex);
    writeFileAtomically((m_folder / (file.id + ".jsonl")).string(), content);
    try {
        writeFileAtomically((m_folder / (file.id + ".json")).string(), toJson(file).dump());
    } catch (...) {
        std::filesystem::remove(m_folder / (file.id + ".jsonl"), ec);
        throw;
    }
    return file;
}

std::optional<UploadedFile> UploadedFiles::find(std::string_view id) const
{
    if (!isFileId(id))
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    std::ifstream in(m_folder / (std::string(id) + ".json"));
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    try {
        return fromJson(json::parse(text.str()));
    } catch (const json::exception &) {
        return std::nullopt; // a damaged description: the file is not offered
    }
}

std::vector<UploadedFile> UploadedFiles::list(std::string_view purpose) const
{
    std::vector<std::string> ids;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(m_folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json")
            ids.push_back(it->path().stem().string());
    std::vector<UploadedFile> files;
    for (const auto &id : ids)
        if (auto file = find(id); file && (purpose.empty() || file->purpose == purpose))
            files.push_back(std::move(*file));
    std::sort(files.begin(), files.end(), [](const UploadedFile &a, const UploadedFile &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    });
    return files;
}

std::filesystem::path UploadedFiles::contentPath(std::string_view id) const
{
    if (!find(id))
        throw Error(ErrorKind::NotFound, std::string(id), "no uploaded file has this id");
    return m_folder / (std::string(id) + ".jsonl");
}

bool UploadedFiles::remove(std::string_view id)
{
    if (!find(id))
        return false;
    std::lock_guard lock(m_mutex);
    std::error_code ec;
    // The description first: a file half removed is no longer listed.
    std::filesystem::remove(m_folder / (std::string(id) + ".json"), ec);
    if (ec)
        throw Error(ErrorKind::Io, std::string(id), "cannot remove the uploaded file: " + ec.message());
    std::filesystem::remove(m_folder / (std::string(id) + ".jsonl"), ec);
    return true;
}

} // namespace llmos::serve
