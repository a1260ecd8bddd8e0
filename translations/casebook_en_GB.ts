<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message>
        <source>New cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where new cases are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the new cases folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the demo case is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the settings are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the settings folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the problem log is kept (it holds nothing from a case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the problem log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your backups are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the case is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook is free software: you may use, share and change it under the GNU General Public Licence, version 3 or later. It comes with no warranty. Nothing leaves this computer unless you export it; backups go where you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Casebook keeps things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Casebook is built from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the licences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences of the parts Casebook is built from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licences could not be read: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (in and out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the statement from your bank as a CSV file. Casebook shows what it found before anything is added, and skips payments already in the case, so importing the same statement twice does no harm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose the statement file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Say what each column holds myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what each column holds myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a bank Casebook does not recognise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each column holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link new payments to the suggested outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link new payments to the suggested outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change any link afterwards on the Payments tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the new payments to the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid to or from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What importing would do, line by line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook could not read that file: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {0} (e.g. “{1}”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {0} holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read using the columns you set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised as a statement from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the case — skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Cannot be used: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total_lines} lines: {new} new payment{0}, {duplicates} already in the case, {1} that cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complaint&apos;s issues, each linked to its evidence (needs a complaint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every dated record in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was asked for, when it was due, and how late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each plan against the version it replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the standards your records are tagged with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>money spent for each agreed outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original files, numbered E1, E2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}, {time} UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made {0}: {1}
{pages} pages, {exhibits} exhibit{2}{3}. Given to: {given}
Fingerprint: {digest}
Saved as {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle is one PDF for an advocate, ombudsman or solicitor: a cover, contents, the story in date order, your requests and how late the answers were, and every original document. It is signed with this case&apos;s own key, so anyone can check later that nothing in it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles made before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of bundles made before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one, then open, check, rebuild it, or note who you gave it to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chosen bundle&apos;s pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the chosen bundle&apos;s signature and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the chosen bundle again from the record as it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;iven to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note who you gave the chosen bundle to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a cop&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the chosen bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the first pages without saving anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build and save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the signed PDF and choose where to save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel b&amp;uilding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop; nothing will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mplaint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags as you gave them to records, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only records with these tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for every record; separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &amp;tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the recor&amp;ds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See every record, ticked where it goes in, with why; add or take out any of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook chooses the records from what you set above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} added by you and {1} taken out by you; the rest as Casebook chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cover, the contents and the manifest of original files are always included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it is for, and how it looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example the ombudsman, or an advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on the cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names to withhold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other people&apos;s names to leave out of Casebook&apos;s own pages; original documents are not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other people&apos;s names to &amp;withhold on Casebook&apos;s pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large pri&amp;nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word in the bundle 16 point or bigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complaint: the whole record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of page {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first {0} pages. Nothing has been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}: {pages} pages, signed. Its fingerprint is kept in the case&apos;s history, so you can show later which file you gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is no longer there; you can rebuild it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is not the bundle made on {0} any more: it has been replaced or changed. You can rebuild it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not verified. {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rebuilt bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did you give this bundle to?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noted: given to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO CASE — everyone and everything in it is made up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo case: everyone and everything in it is made up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the case now; you will need your passphrase to open it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the arrow keys to move between sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go to another section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F2 to change the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line for: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the line to: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the line typed beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen line from: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ {who} — not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others who can help alongside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the council&apos;s adult social work team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day you complained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day you first knew of the problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an issue and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would put it right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what you want and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;day you complained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day you first &amp;knew of the problem (time limits count from it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issues raised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would &amp;put it right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standa&amp;rds it is about (tags):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save c&amp;omplaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the complaint (the old version is kept in its history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps of the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show how that date is worked out and the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the ne&amp;xt letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter for the next step, filled in for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose another complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new complaint: give it a title, list the issues and what would put them right, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do next: {next_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their answer: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps: {title}. Sources: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also part of this complaint:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {files} file{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {files} file{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This letter asks for something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook will track it and work out the date they must answer by, counting from the day they got your letter ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it &amp;asks for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In a few words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Track this request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answers a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which request does this letter answer? Its clock stops on the day the letter came in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {summary} (asked {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter, its conversation, files and actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters in this conversation, first letter first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files kept with this letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to look at a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This letter &amp;asks for something…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track what your letter asked for, with its legal clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answers a re&amp;quest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the clock on a request this letter answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;rrect this letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a corrected version; the original stays in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a letter from the list, press &apos;New letter&apos;, or bring in emails and scans with &apos;Bring in files…&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ This letter: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files with this letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — locked with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {filename} ({size:,} bytes){locked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Sent:&lt;/b&gt; {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Came in:&lt;/b&gt; {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This letter asked for:&lt;/b&gt; {words} — {0}. {1}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This letter answered:&lt;/b&gt; {words} — {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now tracking: {0}. {plain}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no open requests for this letter to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as answered on {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standards it is abo&amp;ut (tags):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this letter (the original is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bring in files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in emails (.eml, .msg), PDFs, photos of letters, Word or text files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole mailbo&amp;x…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in every email from the council in a mailbox saved from Gmail or Thunderbird (.mbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in a letter, email or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything sent and received, newest first. Drag emails, PDFs or photos of letters onto this page to bring them in; the original file is kept with each letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and emails, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed 30 Sep 2026,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose letters and emails to bring in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and emails (*.eml *.msg *.pdf *.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.docx *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>England</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: use at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong: this would be very hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good. Longer is even better: three or four unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: try three or four unrelated words, like &apos;kettle orbit violet tram&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is this case about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change these details later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the person you support, or your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where they live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nation decides which rules and deadlines apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their &amp;full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where they live:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is locked with a passphrase only you know. Nobody, including Casebook, can open it without the passphrase or the recovery code you will get next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a different folder for the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters; a few unrelated words work best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember on this computer (you won&apos;t need to type the passphrase here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to keep the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different. Please type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this code is the only other way into the case. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print it or write it down, and keep it somewhere safe away from this computer — with other important papers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or &amp;written down my recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or written down my recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook recovery code

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Keep this safe. It opens the case if the passphrase is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please print or write down your recovery code, then tick the box to say you have. Your case is made and will open after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date, {EXAMPLE}; Alt+Down opens a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: choose from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date, {EXAMPLE}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exc} The date is still {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick if you know this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [{files} file{0}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {files} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a few words, e.g. &apos;Call with the social worker&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick everyone who took part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said, as close to their words as you can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said it was for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wh&amp;o was there:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So&amp;meone new:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wh&amp;at was said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said it was &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they &amp;promised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who p&amp;romised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. &apos;Will send a copy of the plan&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By a date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promise has a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone not in the list? Type their name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(role not said)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of someone new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow it in Re&amp;quests, with its date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the promise in Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the entry also starts following the promise, so Today says when it is late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first person ticked above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The someone new typed above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this entry (the original is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please say in a few words what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files attached to this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a letter, photo or document (you can also drag files here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;rrect this entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Track this promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the promise in Requests, with its date, until it is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an entry from the list, or press &apos;New entry&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Who:&lt;/b&gt; {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What they said it was for:&lt;/b&gt; {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Promise:&lt;/b&gt; {0} {1}{2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tags:&lt;/b&gt; {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;History: corrected {0} time(s)&lt;/h3&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;li&gt;Version {version}, saved {0} UTC: “{1}” — {2}&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files yet. Press &apos;Add a file…&apos; or drag files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} ({size:,} bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track a promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which promise?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now tracked in Requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tracked: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files to attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {0} file(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Diary: {0} to {1}&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing was written down for these days.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone no longer in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (by {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Promised: {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print diary entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the entries that happened between these days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;first day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;last day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down a call, visit or meeting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print diar&amp;y entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the entries between two days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write things down as soon as you can. Corrections are kept as new versions, so the record shows what was written when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary entries, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed 30 Sep 2026, 10:30 —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work you had not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook locked itself while you were writing, and kept what you had typed. Copy what you need back into the form, then delete it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}, kept on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy it all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every kept word on the clipboard to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it for next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close; it is shown again next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have it: &amp;delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the kept words from the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (exhibits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken out by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}
    {state}. Casebook: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}. {state}. Casebook&apos;s reason: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the records that go in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked records go in the bundle. Casebook ticked what the scope you chose points to, and says why under each one; tick or untick any record to change that. Your changes are kept with the bundle, so rebuilding it gives the same evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records for the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the arrow keys to move and Space to tick or untick a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Casebook&apos;s &amp;suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo your own ticks and unticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use these records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} records will go in ({added} added by you, {removed} taken out by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook keeps a private record of the care and support of someone you look after, or your own: every call, visit, letter, request, plan and payment. It stays on this computer, locked with your passphrase, and can turn into evidence when you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a &amp;new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new record for the person you support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a case I already have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of an existing case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplore the demo case (made-up people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Casebook with an example case. Nothing in it is real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a case from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back a case from a backup file, on this or a new computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a case shared from another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one record with another guardian: use the case they shared with you through a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open my last case ({last_case})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case you used last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the time limits mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys choose a topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correspondence and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged for this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usually here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no records yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ YOU ARE HERE: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;&lt;a name=&apos;step{number}&apos;&gt;&lt;/a&gt;{marker}{0}&lt;/h3&gt;&lt;p&gt;{1} &lt;i&gt;({records})&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-directed support has seven steps, from finding out the budget to checking how the plan worked. Casebook puts each record at the step it usually belongs to; tag a record with a step (for example step:3) to place it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seven steps describe self-directed support, the way social care is arranged in Scotland. The person&apos;s nation is set to somewhere else, where the council does not have to follow them, so Casebook does not place records on them. The Standards section lists what the law there says instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seven steps and the records at each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Tab to move between records and Enter to open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where things are now: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something I noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal assistant (PA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS (Senedd member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLA (Assembly member, Northern Ireland)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Councillor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solicitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ombudsman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written the same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written the next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written {days} days later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationwide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationwide (midata)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lloyds, Halifax, Bank of Scotland or TSB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barclays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NatWest, RBS or Ulster Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HSBC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Santander</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Santander (text export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online form or portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the letter as a PDF to print or attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy text for an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the letter&apos;s text to paste into an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the recor&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this letter in Correspondence and start the clock on what it asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the letter as it will look on paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How you are sending it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They receive it on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent o&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They recei&amp;ve it on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock on your request starts on the day they receive it. For post, that is usually a day or two after sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top right of the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their name and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your name and address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their n&amp;ame and address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change anything you like before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which overdue request this chases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which complaint this is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;omplaint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fill in the letter again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the letter again from the record and your answers; changes you made to the text below are replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words}: {0} ({days_overdue} days overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not part of a complaint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Casebook&apos;s choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (if you want):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This letter cannot be written yet: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, then press &apos;Fill in the letter again&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the letter as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF was not saved: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the PDF as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into your email, and use the subject line above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in Correspondence, with its PDF. The clock is running: {plain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick if you do not know this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} has a time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick everyone who applies; press Space to tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: {name}{address} (will be added to People)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received — it came to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent — you sent it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it came or went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date it came in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the letter is about, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words of the letter, or the main points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this answers another letter, choose it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Received or sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da&amp;y sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date it came in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;pied to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repl&amp;ies to letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What it says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(It is not a reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in letters and emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the words on page %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages of the scan read so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let me check each letter before it is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check each letter before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick to save the rest as read, without stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file safely…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to each file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to each file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look &amp;at the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file to compare it with what was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not bring this file in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve this letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the file and save the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the file being saved; nothing half-done is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files kept with this letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name} (file {0} of {1})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original: {filename}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached: {filename}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what was read from {0} (file {1} of {2}), change anything that is wrong, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not brought in: {0} — {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not saved. Correct it, or skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not saved: {0} — {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– Skipped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– Not brought in (stopped): {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: {saved} of {total} files saved as letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The list below says why the others were not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the letter being saved, then stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook could not open this file ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New — will be brought in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not from the addresses above — left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Cannot be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in a whole mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mailbox from Gmail (Google Takeout) or Thunderbird as an .mbox file. Casebook shows what it found before anything is added. Emails already in the case are skipped, so bringing in the same mailbox twice does no harm, and replies are kept with the emails they answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose the mailbox file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the .mbox file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only emails &amp;from (addresses or @domains, leave empty for every email):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example @council.gov.uk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only emails from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email addresses or @domains, separated by spaces; empty for every email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emails in the mailbox, and what importing would do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails that could not be brought in, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop; what is already in stays in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the new emails into the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the mailbox file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes (*.mbox *.mbx *.mbs);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the mailbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{read} emails in the file: {new} new, {duplicates} already in the case, {skipped} left out by the filter, {rejected} that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read. The list shows the first {shown} of {listed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import 1 email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import {new} emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bringing in the emails…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{imported} brought in — %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{imported} emails brought in as letters, {duplicates} already in the case, {skipped} left out by the filter, {rejected} could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing more was brought in. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council payment (money in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(an outcome no longer in any plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not in the plan in force that day: {linked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — suggested: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Missed: the council&apos;s payment of {0} due on {1} has not arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Short: {0} payments due from {1} to {2} were less than the schedule says — {3} less in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Short: the payment due on {0} was {1}, not {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {n} payment{0} out ({1}) not linked to an outcome. Link them before the council asks what the money was for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {n} payment{0} linked to an outcome of a plan that was not in force that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {title} (see Reminders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a bank statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in a CSV statement from the bank; payments already in the case are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a payment in or out by hand, with its receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the council pa&amp;ys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how much the council pays and how often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring &amp;return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the return the council asks for, as CSV or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget and how it is paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left and right arrow keys change the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under or over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget and spending month by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending towards each outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending per &amp;outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders: an employer&apos;s duties, and the plan&apos;s review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remin&amp;ders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only spending that &amp;needs linking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only spending that needs linking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments out not linked to an outcome, or linked to an outcome of a plan that was not in force on their day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments in and out, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or more payments (Shift or Ctrl to choose several), then link them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose payments to link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of the plan in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the outcomes the chosen payments were for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lin&amp;k to the ticked outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link every chosen payment to the ticked outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link each chosen payment that has no link to the outcome Casebook suggests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a receip&amp;t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a photo or PDF of the receipt with the chosen payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts kept with the chosen payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan in force: {0} — {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan in force is recorded yet; add one under Plans to set the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The council pays </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; then </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the council pays is not known yet: set it with &apos;How the council pays…&apos;, or Casebook will work it out from three regular payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next payment expected on {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due. Reminders about payroll records and employer&apos;s liability insurance appear here once PA wages are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget by pay period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget and spending for each pay period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or more payments in the list. Each payment out should be for an outcome of the plan in force on its day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council payments are money in for the whole budget; they are not linked to an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan was in force on the day of a chosen payment, so there are no outcomes to link it to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen payments fall under different plans. Choose payments from one plan at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of {plan}, in force on these days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of {plan}, in force on that day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt kept yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked {0} to the suggested outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose receipts (photos or PDFs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {0} receipt(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt kept with the payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes this payment was for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts to keep with the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a recei&amp;pt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo or PDF of the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipts to keep with it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money out (spending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money in or out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in pounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. &apos;Swimming club term fee&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it was for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or type your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In or out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount (£):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid &amp;to or from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan was in force on this day, so there are no outcomes to link the payment to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what it was for, from {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type the amount in pounds and pence, like 45.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the council pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how much the council pays into the account and how often, as its letter or agreement says. Casebook then notices a payment that does not arrive. A new schedule takes over from the old one on its first payment date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules you have &amp;set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules you have set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the chosen schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it (it stays in the case&apos;s history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use what Casebook worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the form from the council&apos;s regular payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of each payment in pounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the first payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name on the bank statement, e.g. &apos;Westshire CC&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (£):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use now: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — paid by {payer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None set: Casebook works the schedule out from the payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type the amount of each payment, like 1386.67.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a schedule in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every payment in and out over the period, what each was for, and the budget against the spending. The saved file is not encrypted: keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spreadsheet file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file to print or send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the monitoring return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitoring return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the return for {0} to {1} as {p}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} you added is taken out again. Its history still shows it was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo adding the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} you deleted is back. Its history shows both the delete and the undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo deleting the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} is back as it was before your change. Its history keeps both versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the change to the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last change is undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add someone to the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this person&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the person&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Protection Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reworded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ NARROWED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ No — {0} was not involved in this version&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th width=&apos;34%&apos;&gt;Earlier: {0}&lt;br&gt;{1}&lt;/th&gt;&lt;th width=&apos;32%&apos;&gt;What changed&lt;/th&gt;&lt;th width=&apos;34%&apos;&gt;Later: {2}&lt;br&gt;{3}&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th colspan=&apos;3&apos; align=&apos;left&apos;&gt;Outcomes&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;{0}&lt;/td&gt;&lt;td&gt;&lt;b&gt;⚠ REPLACED BY — NARROWED?&lt;/b&gt;&lt;br&gt;Not linked: check whether one service has taken the place of this aim&lt;/td&gt;&lt;td&gt;{1}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;{0}&lt;/td&gt;&lt;td&gt;&lt;b&gt;⚠ REMOVED&lt;/b&gt;&lt;br&gt;Not in the later version&lt;/td&gt;&lt;td&gt;—&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;—&lt;/td&gt;&lt;td&gt;&lt;b&gt;ADDED&lt;/b&gt;&lt;br&gt;New in the later version&lt;/td&gt;&lt;td&gt;{0}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;In the later version, words taken out are shown struck through in brackets, like &lt;s&gt;[− example]&lt;/s&gt;, and new words underlined in bold with a plus, like &lt;u&gt;&lt;b&gt;+ example&lt;/b&gt;&lt;/u&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;li&gt;No warnings: nothing was removed, narrowed or cut.&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Warnings&lt;/h3&gt;&lt;ul&gt;{warnings}&lt;/ul&gt;{legend}&lt;table border=&apos;1&apos; cellspacing=&apos;0&apos; cellpadding=&apos;6&apos; width=&apos;100%&apos;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the list of plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes decide what the budget may be spent on, so an outcome that is narrowed or removed can cut support without anyone saying so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ea&amp;rlier version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;ter version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison, outcome by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a plain-text summary of the comparison to paste into a letter or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different versions to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cannot be compared: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a new outcome, not in the earlier version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of this outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continues from the earlier version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link this outcome to the suggested earlier outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this outcome off the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Outcome {number}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome {number}: its words as in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome {number}: which earlier outcome it continues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome {number}: status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove outcome {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the suggested link for outcome {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks like it continues: “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick outcomes from the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the plan&apos;s text below (or use the text of its attached copy). Each line becomes a choice; tick the ones that are outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Space to tick a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines — tick the outcomes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the ticked lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new version of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste each outcome as the document words it. Link each to the outcome it continues in the earlier version, so changes can be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an outco&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an empty outcome to type in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick outcomes &amp;from the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the document&apos;s text and tick the lines that are outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest which earlier outcome each outcome continues, by its wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. &apos;Outcomes plan 2026&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date the copy arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request asking for a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you have asked for a copy and not had it, choose the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who wrote it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which earlier version it replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was the guardian consulted on this version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was the person involved in this version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget amount in pounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave blank if no budget is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-directed support option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option {n}: {w}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind of document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date on the document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py arrived on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;If not arrived, asked for in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written b&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replaces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Was the guardian consulted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was the person involved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDS optio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no request for a copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing — the first version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this version (what it said before is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the earlier version it replaces to get suggestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} link(s) suggested. Check each one and press &apos;Use this link&apos; to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No links to suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the budget amount too, or set the option to &apos;not said&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guardian not consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person not involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no copy received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review was due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a version not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Outcomes ({0})&lt;/h3&gt;&lt;ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — continues “</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>” from </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — new in this version, or not yet linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No outcomes typed in yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tags:&lt;/b&gt; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Checklist:&lt;/b&gt; {0} missing, {1} wrong, {2} in the record, {3} not checked.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this version; what it said before is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;with earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what changed from the version this one replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k this review record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what the review record contains and ask for what is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a copy of the plan&apos;s file (PDF, Word, photo) with this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version from the list, or press &apos;Add a version&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copy kept yet. Press &apos;Add the document…&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the plan&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a plan, assessment or review record the council has produced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompare versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare any two versions outcome by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version is kept. Outcomes decide what the budget can be spent on, so compare versions to see any outcome that was removed or narrowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>28 May 2026 —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan versions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be at least two versions to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started; check it is switched on and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {pages} page{0} to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Console]::InputEncoding = [Text.Encoding]::UTF8; Add-Type -AssemblyName System.Speech; $voice = New-Object System.Speech.Synthesis.SpeechSynthesizer; $voice.Speak([Console]::In.ReadToEnd())</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;d aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rea&amp;ding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read {what} aloud with your computer&apos;s voice; press Escape to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer&apos;s speech program did not start, so the text could not be read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&apos;record:{0}:{1}&apos;&gt;{2}&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a name=&apos;{MORE}-{0}&apos;&gt;&lt;/a&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;a href=&apos;{MORE}:{0}&apos;&gt;Show all {1} ({2} more)&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◷ Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Waiting for an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {days_overdue} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you ask for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter or email that asked for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no letter recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day they got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it went to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. &apos;A copy of the 2026 outcomes plan&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you asked for, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A due date you were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day they &amp;got it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What you asked for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due date you were given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complaint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due no later than {0}: {how_counted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record something you asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write a letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subject access request, a complaint, a chaser or another letter, filled in for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you have asked for that has a time limit. Casebook works out every day whether they are late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answered and withdrawn requests too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, overdue first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wh&amp;y this date?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rule, its legal reference and where it comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They &amp;answered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the day they answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They asked me to cla&amp;rify…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the clock from the day they asked you a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They sent a &amp;fees notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the clock until you pay; their 20 days then carry on where they stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I re&amp;plied to their question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the clock again from the day you replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They gave a new &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an extension they told you about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set the due date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a date you were given instead of the rule&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wi&amp;thdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You no longer want this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not a real answer, or you want it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wr&amp;ite a chaser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter saying the answer is late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in a co&amp;mplaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group this request with a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request from the list, or press &apos;New request&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet. Press &apos;New request&apos; to record something you asked for, or &apos;Write a letter&apos; to ask for something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They got it on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due no later than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How that date is worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They sent a fees notice on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They asked you to clarify on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You paid on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You replied on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They extended it to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They answered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;The rule&lt;/h3&gt;&lt;p&gt;{0}&lt;/p&gt;&lt;p&gt;{1}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;paid the fee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {what} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day they asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is stopped until you reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day of the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is stopped until you pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day you replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is running again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock stops on the day their answer reached you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their letter or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They asked you to clarify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If they really need you to explain what you want, the clock stops from the day they asked until the day you reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They asked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They sent a fees notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock stops from the day of the notice until the day they get your payment, then carries on where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You replied to their question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock starts again from the day they got your reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They need longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the new date they gave you in writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this if they, or someone else, gave you a date that is not the usual rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which complaint is this request part of?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The clock is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a case from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup becomes a new case folder, checked from end to end before it opens. Your other cases, and the backup file, are not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It must not exist yet, or be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup and open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;backup file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new case &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook backups (*.cbbackup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the case should go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your passphrase or recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give {missing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring and checking the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked, or does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matters: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point {number}: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is missing or wrong, in your words (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point {number}: note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the review record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go through the council&apos;s review record and answer each point. Anything missing or wrong can go into a letter asking them to correct the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on: {title}. {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these answers with the review record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the correction letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the answers and draft a letter asking the council to correct what is missing or wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the review record: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every review record must say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it applies, it should also say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So far: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark at least one point as missing or wrong first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter: please correct the review record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date you send it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How you send it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date you send it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the subject and letter to paste into an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;sent and start the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the letter as sent and track the council&apos;s reply date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rule and the law behind this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have edited the letter, so its reply date was not changed: it should now say {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They must correct the record within one calendar month of getting this: by {0} if it reaches them on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: {subject}

{body}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into your email or letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as a sent letter, with its clock in Requests: they should correct the record by {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in the search box at the top to look through every entry, letter, plan, person and file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the words appear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results, grouped by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to open a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search result column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} found for “{1}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Try fewer or different words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery code keeps working. The old passphrase stops working as soon as you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the new passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery code? The old code will stop working. Only do this if the old one was lost or someone else may have seen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new recovery code is:

{code}

Print it or write it down now and keep it somewhere safe. It will not be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer no longer remembers the case. You will need your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer will now open the case without the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a backup of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook backups (*.cbbackup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written and checked:
{target}

It is encrypted: it opens only with your passphrase or recovery code. Keep it somewhere other than this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case does not check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

Nothing has been changed. Keep your backups and every bundle you have given out: they show the record as it was. An advocate can help you decide what to do next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none on this computer (the passphrase is asked for instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file reader gave back the wrong text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo case did not open: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window did not show the demo&apos;s Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CASEBOOK_SPAWNED_AT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CASEBOOK_DATA_DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the other computers will name this one, such as Morag&apos;s laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;computer&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown beside what you write, such as Written by Morag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share this case with another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two guardians can keep one record, each on their own computer. Casebook writes its changes, locked with the case&apos;s key, into a folder both computers can reach: a folder in OneDrive, Dropbox or Google Drive, a home network drive, or a USB stick you carry between them. Casebook itself never sends anything over the internet; the drive&apos;s own program does the copying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an empty folder. The other computer joins with the same passphrase or the recovery code. Help → Sharing with another computer says more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an empty folder both computers can reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the case shareable through this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose the shared folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing: writing the case into the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is shared. On the other computer, open Casebook and choose “Join a case shared from another computer”, then pick this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer: {name}, used by {person}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, used by {person}: removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A computer that never sent a change: removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, used by {person}: its last changes came in {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other computer has joined yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove a computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop taking in a lost or given-away computer&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder has &amp;moved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder has moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Casebook where the shared folder is now, such as a USB stick that came up under another drive letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where is the shared folder now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which computer? From now on its changes are not taken in, here or (at their next sync) on the other computers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}? Its changes will no longer be taken in, here or on the other computers. Be aware that it can still open everything it already holds, and, because it has the case&apos;s key, what is written to the shared folder from now on. Next you will be asked for a new passphrase: it reaches the other computers at their next sync, and the old one then no longer joins the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a shared case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a case shared from another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the other computer, the case was shared through a folder (Case → Share with another computer). Choose that folder as this computer sees it, and where to keep the case here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder the case is shared through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the case in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new or empty folder on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the case in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose the shared folder and where to keep the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining: taking in the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait: the case is still being taken in. This window closes by itself when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version deletes the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (differs): {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two versions — choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on two computers at once. Keep the right version; the other stays in the record&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records waiting for a choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the arrow keys to pick a record; its versions are shown beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for a choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By {person} on {computer}, saved {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{person}&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {computer}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version by {person}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the version by {person}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping that version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept. The other computers take your choice at their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records changed on two computers at once wait for you to keep one version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this computer&apos;s changes to the shared folder and take in the other computers&apos; now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record has two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records have two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {sent} change(s) and took in {received}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} record(s) have two versions waiting for you to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person and &amp;you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new &amp;recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;member or forget on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare with another computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between two &amp;versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k the case&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock &amp;automatically after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to back &amp;up after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ffer my case when Casebook starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: Casebook does not keep where your case folder is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help for this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the &amp;time limits mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where is my data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extra large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Atkinson Hyperlegible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OpenDyslexic (dyslexia-friendly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wide (one and a half)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join a shared case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is locked. Unlock it to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Casebook case in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo case could not be opened: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close Casebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} record{0} tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no records tagged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Tagged with the whole standard:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No records are tagged with a standard yet. Add a tag such as {example} to a diary entry, letter or plan, or untick the box above to see every standard.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Ireland has no published framework of standards for planning care and support that Casebook can list here, so there is nothing to tag against on this page. You can still tag a record with a law: type “law” in a Tags box to see the laws Casebook knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {title}, {publisher} ({year}); in Casebook&apos;s own words. Checked {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SDS Framework of Standards says what good self-directed support looks like. Tag a diary entry, letter, complaint or plan with a standard (for example 9.10) and it is listed here as evidence that the standard was not met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {law} says what the council must pay attention to and what a care and support plan must contain. Tag a diary entry, letter, complaint or plan with one of these (for example {example}) and it is listed here as evidence that it was not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show only standards with records tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only standards with records tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standards and the records tagged with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am the person (I act for myself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person and you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person, you, and your legal authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left and right arrow keys change the part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your legal &amp;authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window; what you saved stays saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the case is about. Letters and bundles use these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council, or health and social care trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they communicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 14/04/2027, 27/09/2027</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days the council or trust is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local holidays beyond the bank holidays, separated by commas: clocks counted in the council&apos;s working days skip them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Known as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;uncil or trust:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days it is c&amp;losed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they co&amp;mmunicate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support &amp;option (Scotland):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the person&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, who keep this record. Your address goes at the top of letters, your name on bundles, and an email from any of your addresses is filed as one you sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several may be given, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your postal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;email addresses (commas between):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your p&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your a&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order or power that lets you act for them. Letters name it, Today reminds you before it ends, and its copy can go with your letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorities recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one to see or change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day it was granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number on the order or certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it lets you decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the order&apos;s own words, if you can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Granted on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What it lets you decide:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies kept with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;order or certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a scan or photo of it; kept when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record another authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this authority out of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;this authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copy of the order is kept with it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} will be kept when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken out: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the order or certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>::indicator {{ width: {size}px; height: {size}px; }}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching standards, steps and laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the arrow keys and press Enter to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. records or law; a comma between tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words, or “law” for the laws Casebook knows; choose from the list that opens. Separate tags with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {example} or records; a comma between tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an entry such as {example}, or words; choose from the list that opens. Separate tags with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work everything out again for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs doing today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue requests, what is due soon and reminders; arrow keys scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is overdue now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 request is overdue now ({before} before).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{overdue} requests are overdue now ({before} before).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in the next {ahead} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing falls due in the next {ahead} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◷ DUE SOON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all {0} {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the other {0} {what} as well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, sent to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a chaser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a letter chasing: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a chaser for: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the dates and the rule for: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Requests: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written down in this case yet. Three things are worth doing first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help → First steps says more about each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down a call or visi&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in l&amp;etters and emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the pla&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {section} and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an encrypted backup of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the Money page for: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Money: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the record behind: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my passp&amp;hrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my &amp;recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase or code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;member on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not saved {what}. If you {doing} now, what you typed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go back to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lose it and go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File {filename}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} — {size:,} bytes — added {0} — fingerprint {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this file outside Casebook (it will not be encrypted there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is locked with a password, so Casebook cannot show its pages. The original file is kept safely in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook could not draw this PDF&apos;s pages. The original file is kept safely in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text of {filename}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casebook cannot show this kind of file. It is kept safely in the case, and you can save a copy to open it with another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number} of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
