#pragma once

#include "serve/requestrecord.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <deque>
#include <vector>

namespace llmos {

// The Server page's live request log: the newest requests first, at most `capacity` of
// them (the figures above it cover the rest). Key names come from the page's settings
// (the record holds only the key's index).
class RequestLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Request, Status, Duration, Model, Tokens, Key, ColumnCount };

    explicit RequestLogModel(int capacity = 500, QObject *parent = nullptr);

    void setKeyNames(const QStringList &names);
    void add(const std::vector<serve::RequestRecord> &records);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const serve::RequestRecord &record(int row) const { return m_rows[std::size_t(row)]; }

private:
    int m_capacity;
    std::deque<serve::RequestRecord> m_rows; // newest first
    QStringList m_keyNames;
};

} // namespace llmos
