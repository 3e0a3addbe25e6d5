//! Share links, autosave, scenario files (`ui/share_menu.rs`, `ui/persist.rs`).

use crate::text::{Lang, Text, Words};
use crate::words;

pub const SHARE_MENU: Words = words!("分享与保存", "Share & save");
pub const SHARE_COPY: Words = words!("复制分享链接", "Copy share link");
pub const SHARE_LINK_LABEL: Words = words!("分享链接", "Share link");

pub const SHARE_FALLBACK: Words = words!(
    "浏览器不允许自动复制：请选中下面的链接并复制（Ctrl+C，手机上长按）。",
    "The browser did not allow copying: select the link below and copy it (Ctrl+C, or long-press on a phone).",
);
pub const SHARE_DOWNLOAD: Words = words!("下载情景文件（JSON）", "Download scenario file (JSON)");
pub const SHARE_UPLOAD: Words = words!("打开情景文件…", "Open scenario file…");
pub const SHARE_RESET: Words = words!("恢复预设…", "Reset to preset…");

pub const SHARE_AUTOSAVE_NOTE: Words = words!(
    "你的工作自动保存在本浏览器中，重新打开页面即可继续；情景文件可用命令行 dingdian evaluate 读取。",
    "Your work is saved automatically in this browser: reopen the page to continue. The scenario file is the one the command line's dingdian evaluate reads.",
);
pub const RESET_TITLE: Words = words!("放弃当前工作？", "Discard your work?");

pub const RESET_BODY: Words = words!(
    "所有修改（参数、数据、申请）将被丢弃，恢复为预设的默认值和内置数据。如需保留，请先下载情景文件。",
    "Every edit (parameters, data, applications) is discarded; the preset's defaults and the built-in data come back. To keep your work, download the scenario file first.",
);
pub const RESET_CONFIRM: Words = words!("放弃并恢复预设", "Discard and reset");
pub const DIALOG_CANCEL: Words = words!("取消", "Cancel");

pub const RESET_DONE: Words =
    words!("已恢复预设，之前的工作已放弃。", "The preset is restored; the previous work was discarded.",);
pub const NOTICE_DISMISS: Words = words!("关闭提示", "Dismiss");
pub const NOTICE_RESTORE_PREVIOUS: Words = words!("恢复我之前的工作", "Restore my previous work");

pub const PREVIOUS_RESTORED: Words = words!("已恢复之前的工作。", "Your previous work is restored.");

pub const NO_PREVIOUS: Words = words!("没有可恢复的先前工作。", "There is no previous work to restore.",);

pub const SHARE_LINK_OPENED: Words = words!("已打开分享链接中的情景。", "The scenario of the shared link is open.",);

/// The confirmation after a link was copied.
pub fn share_copied(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::Zh => format!("✓ 链接已复制到剪贴板（{chars} 个字符）。"),
        Lang::En => format!("✓ Link copied to the clipboard ({chars} characters)."),
    }
}

/// The data did not fit in the link.
pub fn share_data_left_out(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "数据过大（链接将有 {chars} 个字符），未放入链接：链接只带参数和设置；请另外发送情景文件。"
        ),
        Lang::En => format!(
            "The data is too large for a link (it would be {chars} characters) and is left out: the link carries the parameters and settings only; send the scenario file as well."
        ),
    }
}

pub fn storage_failed(why: &str) -> Text {
    Text::new(
        format!("无法自动保存（{why}）：浏览器存储已满或被禁用。页面照常工作；要保留修改，请下载情景文件。"),
        format!("Autosave failed ({why}): the browser's storage is full or blocked. The page works as before; to keep your edits, download the scenario file."),
    )
}

/// The work saved in the larger store (IndexedDB) could not be read back.
pub fn large_store_unreadable(why: &str) -> Text {
    Text::new(
        format!("上次自动保存的工作存放在浏览器的 IndexedDB 中，但现在读不出来（{why}）。已打开默认情景；下次自动保存会覆盖它。"),
        format!("The work autosaved last time is in the browser's IndexedDB, but it cannot be read now ({why}). The default scenario is open; the next autosave will replace it."),
    )
}

/// A scenario file that could not be opened.
pub fn file_refused(name: &str, why: &Text) -> Text {
    Text::new(
        format!("无法打开文件“{name}”：{}。当前工作未改变。", why.zh),
        format!("Could not open “{name}”: {}. Your current work is unchanged.", why.en),
    )
}

pub fn file_opened(name: &str) -> Text {
    Text::new(format!("已打开情景文件“{name}”。"), format!("Opened the scenario file “{name}”."))
}
