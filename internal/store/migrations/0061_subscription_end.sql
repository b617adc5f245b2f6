-- A subscription can be ended (结束订阅) before the year is out: the day
-- it ended, empty while it runs. The issues expected after it are gone.
ALTER TABLE subscriptions ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
